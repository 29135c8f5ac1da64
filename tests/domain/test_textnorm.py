from __future__ import annotations

from broker_app.domain.common.textnorm import compact, fold_width, remove_spaces


def test_fold_width_turns_full_width_ascii_half_width() -> None:
    assert fold_width("３７０８８３ＡＢｘ（）－＋") == "370883ABx()-+"
    assert fold_width("\u3000") == " "
    # The full-width comma is in the ASCII block; Chinese characters and the
    # ideographic comma and full stop are not, and stay.
    assert fold_width("张三，") == "张三,"
    assert fold_width("张、三。") == "张、三。"


def test_remove_spaces_removes_every_kind_anywhere() -> None:
    assert remove_spaces(" 37 08\t83\u3000\u00a01\u200b2\ufeff3\n") == "370883123"


def test_compact_does_both() -> None:
    assert compact("３７０\u3000８８３") == "370883"
