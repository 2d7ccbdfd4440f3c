"""``--help`` in Japanese, for a Japanese locale (``READINESS_LANG=ja``, ``LANG=ja_JP...``).

typer reads the help texts once, in English (the reference in docs/cli.md is generated from
them).  When help is asked for under a Japanese locale, ``translate`` replaces the texts of the
commands and of the options shared by several commands with the Japanese below, on the click
command tree, before it prints.  Texts with no entry stay English, and so do the few words
click prints itself (Usage, Options).
"""

from __future__ import annotations

from typing import Any

COMMANDS_JA: dict[str, str] = {
    "": "自治体が所管の経済産業局との連携に向けてどれだけ準備できているかを評価します。",
    "assess": "自治体プロファイルを1つ評価し、総合点・判定・不足している点（効果の大きい順）を"
    "示します。\n\n終了コード: 0 評価した（基準を満たす）、1 --fail-under・--require-band の"
    "基準未達、2 入力の誤り。",
    "validate": "プロファイルと評価基準ファイルを確かめ、すべての問題をファイル・行・列とともに"
    "示します。\n\n終了コード: 0 すべて正しい、2 問題がある（または使い方の誤り）。",
    "diff": "2つの評価基準の意味の違いと、自治体の点数・判定への影響を示します。",
    "batch": "多数のプロファイルを評価して順位を付け、CI 向けの報告を書きます。",
    "progress": "同じ自治体の2つのプロファイルを比べ、点数・判定の変化、解消した不足点、"
    "新たに判明した事実を示します。",
    "verify": "評価基準ファイルのテストケース（tests:）を実行して結果を示します。",
    "schema": "エディタ向けに、プロファイルまたは評価基準の JSON Schema を出力します。",
    "init": "自治体1つのプロファイルのひな形（コメント付き）を書きます。事実は unknown（不明）で"
    "始まります。\n\n名称・よみ・都道府県・団体コード・所管局は同梱の自治体一覧から入ります。"
    "名前はよみ（ひらがな・カタカナ）やローマ字でも、コードは検査数字なしの5桁でも探せます。"
    "既存のファイルは --force なしでは上書きしません。",
    "import": "候補リスト（Excel または CSV）の1行ごとに、init と同じ形のプロファイルを作ります。",
    "explain": "評価項目の意味・出典・判定方法と、充足する例・しない例を示します。",
    "criteria": "同梱の評価基準の一覧と内容を示します。",
    "criteria list": "同梱の評価基準を、所管局・期間・状態とともに一覧にします。",
    "criteria show": "評価基準1つの出典・重点戦略・条件・評価項目・判定を示します。",
    "config": "有効な設定ファイル（.readiness.yaml または pyproject.toml の [tool.readiness]）と"
    "その値を示します。",
}
"""Each command's help, by its path (``criteria list``); ``""`` is the program itself."""

OPTIONS_JA: dict[str, str] = {
    "--lang": "表示の言語（ja・en）。省略時は READINESS_LANG、次にロケール（ja_JP なら ja）。",
    "--encoding": "入力ファイルをこの文字コードで読みます（例 cp932）。",
    "--output": "標準出力の代わりに FILE に書きます（途中で失敗しても元のファイルは壊れません）。",
    "--criteria": "評価基準の id またはファイル。省略時はプロファイルの時点で所管局の現行のもの。",
    "--format": "出力の形式。",
    "--fail-under": "基準: 総合点が N（0〜100）未満の自治体があれば終了コード 1。",
    "--require-band": "基準: 判定が B より下の自治体があれば終了コード 1。",
    "--force": "FILE がすでにあれば置き換えます。",
    "--code": "団体コード（例 042021）。検査数字のない5桁（04202）や先頭の0が落ちたもの"
    "（42021）も補って探します。",
    "--name": "自治体名（石巻市、東京都府中市）。よみ（いしのまき・イシノマキ）やローマ字"
    "（Ishinomaki）でも探せます。",
    "--as-of": "プロファイルが表す時点。省略時は今日。",
    "--version": "バージョンを表示します。",
    "--help": "このヘルプを表示して終了します。",
    "--color": "色: auto（端末なら色付き。NO_COLOR があれば無し、FORCE_COLOR があれば有り）、"
    "always、never。",
    "--quiet": "問題だけを表示します。形式やファイルを指定しない限り、報告も要約も出しません。",
    "--stdin-filename": "標準入力（-）をメッセージで呼ぶ名前。省略時は <stdin>。",
    "--min-evidence": "基準: 得点のうち出典で裏づけられた事実による割合（0〜100）が P% 未満なら"
    "終了コード 1。",
    "--show-completion": "シェル SHELL（bash・zsh・fish・powershell・pwsh）の補完スクリプトを"
    "表示します。",
    "--install-completion": "シェル SHELL の起動ファイルに補完を設定します。",
}
"""The help of options that mean the same in every command, by their long name."""

PARAMS_JA: dict[tuple[str, str], str] = {
    ("assess", "profile"): "自治体プロファイル（YAML）。- なら標準入力から読みます。",
    ("validate", "files"): "プロファイルと評価基準ファイル（YAML）。- なら標準入力から読みます。",
    (
        "validate",
        "--kind",
    ): "すべてのファイルをこの種類として確かめます。auto なら自動で見分けます。",
    ("diff", "old"): "変更前の評価基準: 同梱の id、ファイル、または REV:path（git）。",
    ("diff", "new"): "変更後の評価基準: 同梱の id、ファイル、または REV:path（git）。",
    ("diff", "--profiles"): "両方の評価基準で評価するプロファイル、またはそのフォルダ。"
    "繰り返して複数指定できます。",
    ("diff", "--fail-on"): "どれかの自治体の判定または点数が変われば終了コード 1（CI 向け）。",
    ("batch", "paths"): "プロファイル: ファイル、フォルダ（下位も含む）、またはグロブ。"
    "省略時は設定ファイルの paths。",
    ("batch", "--sarif-level"): "SARIF の結果にする不足点: below-gate（基準未達の自治体だけ）"
    "または all。",
    ("batch", "--annotations"): "GitHub ワークフローコマンドの注釈を出力します。"
    "省略時は GITHUB_ACTIONS=true のとき。",
    ("batch", "--jobs"): "N 個のプロセスで評価します（1 以上）。省略時は使える CPU の数"
    "（少数のときは 1）。",
    ("batch", "--shard"): "N 分割のうち K 番目だけを評価します（並べたファイルの K 番目から N 個"
    "おき）。N 台に分けて実行するためです。",
    ("batch", "--merge"): "PATH はすべての分割実行の JSON 報告（--shard K/N -o json=FILE）。"
    "1つの順位にまとめ、指定した報告を書きます。",
    ("progress", "old"): "前のプロファイル: ファイルまたは REV:path（git）。",
    ("progress", "new"): "後のプロファイル: ファイルまたは REV:path（git）。",
    ("verify", "criteria"): "評価基準の id またはファイル。省略時は同梱のすべて。",
    ("schema", "name"): "どのスキーマか: profile または criteria。",
    ("import", "candidates"): "候補リスト: Excel ブック（.xlsx）または CSV ファイル。",
    ("import", "--template"): "記入用の空の候補リスト（.xlsx）を書きます。",
    ("explain", "criterion"): "評価項目の id（例 will.lead）、または判定方法の種類（例 count）。",
    ("criteria show", "criteria"): "同梱の評価基準の id、または評価基準ファイル。",
    ("criteria show", "--resolved"): "extends 先と統合した評価基準全体を YAML で表示します。",
}
"""Each command's own arguments and options, by (command path, long name or argument name);
these come before ``OPTIONS_JA``."""


def _key(param: Any) -> str:
    names = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    return names[0] if names else str(getattr(param, "name", ""))


def translate(command: Any, path: str = "") -> None:
    """Put the Japanese help on ``command`` (a click command) and its subcommands."""
    if path in COMMANDS_JA:
        command.help = COMMANDS_JA[path]
        command.short_help = COMMANDS_JA[path].split("。")[0] + "。"
    for param in getattr(command, "params", []):
        key = _key(param)
        found = PARAMS_JA.get((path, key)) or OPTIONS_JA.get(key)
        if found is not None:
            param.help = found
    for name, sub in getattr(command, "commands", {}).items():
        translate(sub, f"{path} {name}".strip())
