import codecs
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.io.decode import DecodeError, decode, looks_binary

SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
ARABIC = "السلام عليكم\nهذا نص عربي للتجربة\nسطر ثالث"


def seed_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture(params=SEEDS, ids=lambda p: p.name[:3])
def seed(request):
    return seed_text(request.param)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_unicode_seeds_round_trip(seed, encode):
    assert decode(encode(seed)) == seed


@pytest.mark.parametrize("codepage", ["cp1256", "iso8859_6"])
def test_legacy_seeds_round_trip(seed, codepage):
    # Seeds hold a few characters the code page lacks (… • “ ی): those become "?".
    data = seed.encode(codepage, "replace")
    expected = data.decode(codepage)
    other = "iso8859_6" if codepage == "cp1256" else "cp1256"
    try:
        assert data.decode(other) != expected  # the two readings really differ
    except UnicodeDecodeError:
        pass
    assert decode(data) == expected


@pytest.mark.parametrize("codepage", ["cp1256", "iso8859_6"])
@pytest.mark.parametrize("phrase", ["زيارة", "يصل إلى كوريا", "وزير الدفاع الروسي"])
def test_short_legacy_phrases(codepage, phrase):
    # Too short for charset-normalizer alone; the orthographic tie-breaker decides.
    assert decode(phrase.encode(codepage)) == phrase


def test_declared_charset_hint_wins_for_legacy_bytes():
    data = "ما إذا كان".encode("iso8859_6")  # valid and plausible in both code pages
    assert decode(data, hint="ISO-8859-6") == "ما إذا كان"
    assert decode("نص".encode("utf-8"), hint="windows-1256") == "نص"  # UTF-8 still wins


def test_bom_is_not_returned():
    assert decode(codecs.BOM_UTF8 + "نص".encode()) == "نص"
    assert decode("نص".encode("utf-16")) == "نص"


def test_empty_and_ascii():
    assert decode(b"") == ""
    assert decode(b"plain\r\nascii") == "plain\r\nascii"


def test_png_is_binary():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    with pytest.raises(DecodeError) as exc:
        decode(png)
    assert exc.value.reason == "binary file (NUL byte at line 3)"


def test_random_bytes_with_nul_are_binary():
    data = random.Random(1).randbytes(4096) + b"\0"
    with pytest.raises(DecodeError, match="binary file"):
        decode(data)


def test_random_bytes_without_nul_are_not_text():
    data = random.Random(2).randbytes(4096).replace(b"\0", b"\1")
    assert looks_binary(data)
    with pytest.raises(DecodeError) as exc:
        decode(data)
    assert exc.value.reason == "not a text file"


def test_utf16_without_bom_is_named():
    with pytest.raises(DecodeError, match="UTF-16 without a byte-order mark"):
        decode(ARABIC.encode("utf-16-le"))


def test_truncated_utf8_reports_last_line():
    data = ARABIC.encode()[:-1]  # cuts the last 2-byte letter in half
    with pytest.raises(DecodeError) as exc:
        decode(data)
    assert exc.value.reason == "truncated UTF-8 at end of file"
    assert exc.value.line == 3


def test_invalid_utf8_in_the_middle_reports_line_and_offset():
    lines = ARABIC.encode().split(b"\n")
    lines[1] = lines[1][:4] + b"\xff" + lines[1][4:]
    data = b"\n".join(lines)
    with pytest.raises(DecodeError) as exc:
        decode(data)
    assert exc.value.line == 2
    assert exc.value.reason == f"invalid UTF-8 at byte offset {data.index(b'\xff')}"
    assert str(exc.value).startswith("line 2: ")


def test_utf8_whose_first_non_ascii_byte_is_bad_is_still_utf8():
    data = b"caf\xe9\n" + ARABIC.encode()  # one Latin-1 byte, then plenty of valid UTF-8
    with pytest.raises(DecodeError, match="invalid UTF-8 at byte offset 3") as exc:
        decode(data)
    assert exc.value.line == 1


def test_cp1256_with_accidental_utf8_pair_is_not_called_utf8():
    text = "ك؟ " + ARABIC  # "ك؟" is DF BF in cp1256: a valid UTF-8 pair by accident
    assert decode(text.encode("cp1256")) == text


def test_explicit_encoding_is_used_as_is():
    assert decode("نص".encode("cp1256"), "windows-1256") == "نص"
    assert decode(codecs.BOM_UTF8 + b"x", "utf-8") == "\ufeffx"
    assert decode(ARABIC.encode("utf-16-le"), "utf-16-le") == ARABIC


def test_explicit_encoding_errors_and_unknown_names():
    with pytest.raises(DecodeError) as exc:
        decode(b"ok\nbad \xff", "utf-8")
    assert exc.value.line == 2 and "invalid utf-8" in exc.value.reason
    with pytest.raises(DecodeError, match="unknown encoding 'klingon'"):
        decode(b"x", "klingon")


def test_truncated_utf16():
    with pytest.raises(DecodeError, match="truncated UTF-16 at end of file"):
        decode("نص".encode("utf-16")[:-1])


_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0\ufeff"))


@given(_text)
def test_any_text_round_trips_through_unicode_encodings(text):
    assert decode(text.encode("utf-8")) == text
    assert decode(text.encode("utf-8-sig")) == text
    assert decode(text.encode("utf-16")) == text


# -- the codec of a file streamed rather than decoded whole (large CSV tables) -------------

from annotator.io.decode import detect  # noqa: E402


def test_detect_chooses_the_codec_from_a_sample():
    assert detect(codecs.BOM_UTF8 + ARABIC.encode()) == "utf-8-sig"
    assert detect(codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le")) == "utf-16"
    assert detect(ARABIC.encode()) == "utf-8"
    # A sample may end inside a letter: only its whole lines are judged.
    assert detect((ARABIC + "\n" + ARABIC).encode()[:-1]) == "utf-8"
    assert detect(("نص المقال الأول عن زيارة الوزير\n" * 20).encode("cp1256")) == "cp1256"
    assert detect(ARABIC.encode(), "cp1256") == "cp1256"


@pytest.mark.parametrize("data, encoding, reason", [
    (b"text\n" + bytes(range(256)) * 4, None, "binary file"),
    (ARABIC.encode()[:10] + b"\xff" + ARABIC.encode() + b"\n", None, "invalid UTF-8 at byte offset 10"),
    (b"x", "no-such-codec", "unknown encoding 'no-such-codec'"),
])
def test_detect_refuses_what_decode_refuses(data, encoding, reason):
    with pytest.raises(DecodeError) as err:
        detect(data, encoding)
    assert err.value.reason.startswith(reason)
