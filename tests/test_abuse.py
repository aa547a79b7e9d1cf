"""The bad-input and abuse matrix (issue 14): each case runs the real command in a subprocess and
checks that there is no traceback and no hang, that the message names the file, and that the
other files are still linted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
GOOD = (SEEDS / "000_ff806e430f618b52.txt").read_text("utf-8")
TIMEOUT = 120


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_CACHE_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    env["NEWSLINT_KEY_DIR"] = str(tmp / "key")
    env["NEWSLINT_CACHE_DIR"] = str(tmp / "cache")
    return env


def run(tmp: Path, *args: str, cwd: Path | None = None, timeout: float = TIMEOUT):
    proc = subprocess.run(
        [sys.executable, "-m", "lint", *args],
        cwd=cwd or tmp,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(tmp),
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout
    return proc


def corpus(tmp: Path, name: str = "c") -> Path:
    folder = tmp / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(GOOD, "utf-8")
    return folder


def linted_good(out: str) -> bool:
    """The good file was linted (the seed article has findings)."""
    return "good.txt:" in out


BAD_FILES: dict[str, tuple[str, bytes, str]] = {
    # name: (file name, bytes, words expected in its finding; "" for none expected)
    "empty": ("empty.txt", b"", "empty"),
    "whitespace": ("blank.txt", b"  \n\n\t\n", "empty"),
    "binary": ("bin.txt", bytes(range(256)) * 4, "binary"),
    "latin1": ("latin.txt", "Caf\u00e9 na\u00efve r\u00e9sum\u00e9.\n".encode("latin-1"), "UTF-8"),
    "utf16": ("u16.txt", "Hello there.\n".encode("utf-16"), "UTF-16"),
    "nul": ("nul.txt", b"Hello\x00world.\n", "NUL"),
    "front-matter": ("fm.md", b"---\ntitle: [unclosed\n---\nBody text.\n", "front matter"),
    "jsonl": (
        "r.jsonl",
        b'{"text": "fine record."}\n{broken\n[1, 2]\n{"text": 5}\n{"text": null, "title": {}}\n'
        + b"[" * 1000
        + b"]" * 1000
        + b'\n{"text": "a \\ud800 lone surrogate, 45 percent."}\n',
        "malformed JSON",
    ),
    "surrogate-name": ("caf\udce9.txt", b"Officials said 45 percent agreed.\n", ""),
    "control-name": ("bell\x07.txt", b"Officials said 45 percent agreed.\n", ""),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.parametrize("extra", [(), ("--jobs", "2"), ("--format", "json")])
def test_bad_file_is_a_finding_and_the_rest_is_linted(tmp_path, case, extra):
    name, data, words = BAD_FILES[case]
    folder = corpus(tmp_path)
    with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "wb") as handle:
        handle.write(data)
    proc = run(tmp_path, "check", "c", *extra)
    assert proc.returncode == 1, proc.stderr
    assert linted_good(proc.stdout)
    assert words in proc.stdout
    assert "\x07" not in proc.stdout and "\x1b" not in proc.stdout


def test_every_format_survives_a_lone_surrogate(tmp_path):
    folder = corpus(tmp_path)
    record = {"text": "Officials said 45 percent \ud800 of a plethora agreed."}
    (folder / "r.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    for fmt in ("text", "json", "github", "gitlab", "junit", "sarif"):
        proc = run(tmp_path, "check", "c", "--format", fmt)
        assert proc.returncode == 1, (fmt, proc.stderr)
    run(tmp_path, "check", "c")  # the cache written with it reads back
    assert run(tmp_path, "report", "c", "--output", "out").returncode in (0, 2)


def test_a_50_mb_file(tmp_path):
    folder = corpus(tmp_path)
    line = "Officials said the council met on Monday to discuss the budget again. "
    (folder / "big.txt").write_text((line * 700 + "\n\n") * 1000, "utf-8")  # ~50 MB
    proc = run(tmp_path, "check", "c", "--select", "unreadable-file,empty-document", timeout=600)
    assert proc.returncode in (0, 1), proc.stderr


def test_a_fifo_does_not_hang(tmp_path):
    folder = corpus(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    for args in (("check", "c"), ("check", "c", "--jobs", "2"), ("check", "c/pipe.txt")):
        proc = run(tmp_path, *args, timeout=60)
        assert "pipe.txt:1:1: unreadable-file" in proc.stdout
        assert "named pipe" in proc.stdout
    proc = run(tmp_path, "check", "good.txt", "--corpus-root", ".", cwd=folder, timeout=60)
    assert proc.returncode in (0, 1)
    proc = run(tmp_path, "report", "c", "--output", "out", timeout=60)
    assert proc.returncode == 0 and (tmp_path / "out" / "index.html").exists()


def test_links_loops_and_folders_named_txt(tmp_path):
    folder = corpus(tmp_path)
    (tmp_path / "secret.txt").write_text("root:x:0:0:secret 987654 people\n", "utf-8")
    (folder / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "dir.txt").mkdir()
    (folder / "dir.txt" / "inner.txt").write_text(GOOD, "utf-8")
    proc = run(tmp_path, "check", "c")
    assert "leak.txt:1:1: unreadable-file" in proc.stdout and "outside the corpus" in proc.stdout
    assert "loop.txt:1:1: unreadable-file" in proc.stdout
    assert "dir.txt/inner.txt" in proc.stdout and linted_good(proc.stdout)
    assert "987654" not in proc.stdout
    report = run(tmp_path, "report", "c", "--output", "out")
    assert report.returncode == 0
    pages = "".join(p.read_text("utf-8") for p in (tmp_path / "out").glob("*.html"))
    assert "987654" not in pages and "root:x" not in pages


def test_report_never_writes_through_a_link(tmp_path):
    corpus(tmp_path)
    outside = tmp_path / "outside.html"
    outside.write_text("keep", "utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "index.html").symlink_to(outside)
    assert run(tmp_path, "report", "c", "--output", "out").returncode == 0
    assert outside.read_text("utf-8") == "keep"
    assert not (tmp_path / "out" / "index.html").is_symlink()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "linked").symlink_to(tmp_path / "elsewhere")
    proc = run(tmp_path, "report", "c", "--output", "linked")
    assert proc.returncode == 2 and "symbolic link" in proc.stderr
    assert not list((tmp_path / "elsewhere").iterdir())


FIXABLE = GOOD  # the seed article has findings --fix edits


def test_fix_skips_links_read_only_foreign_and_hard_linked_files(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text(FIXABLE, "utf-8")
    (folder / "link.txt").symlink_to(outside)
    for name in ("ro.txt", "foreign.txt", "hard.txt", "plain.txt"):
        (folder / name).write_text(FIXABLE, "utf-8")
    os.chmod(folder / "ro.txt", 0o444)
    os.chown(folder / "foreign.txt", 12345, 12345)
    os.link(folder / "hard.txt", tmp_path / "hard-elsewhere.txt")
    proc = run(tmp_path, "check", "c", "--fix", "--no-cache")
    assert proc.returncode in (0, 1), proc.stderr
    assert outside.read_text("utf-8") == FIXABLE
    for name, why in (
        ("link.txt", "symbolic link"),
        ("ro.txt", "read-only"),
        ("foreign.txt", "another user"),
        ("hard.txt", "hard link"),
    ):
        assert (folder / name).read_text("utf-8") == FIXABLE, name
        shown = proc.stderr + proc.stdout  # the link points out of c/: not even read
        assert why in shown or "outside the corpus" in shown, (name, shown)
    assert os.stat(folder / "foreign.txt").st_uid == 12345
    assert os.stat(folder / "hard.txt").st_nlink == 2
    assert (folder / "plain.txt").read_text("utf-8") != FIXABLE  # the others are fixed


def test_catastrophic_user_regex_is_an_internal_error_naming_the_rule(tmp_path):
    folder = corpus(tmp_path)
    (folder / "a.txt").write_text("a" * 33 + "!\n", "utf-8")
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "slow-regex.yaml").write_text(
        "id: slow-regex\nkind: pattern\nseverity: warning\nscope: text\n"
        "message: 'runaway {match}'\noptions:\n  pattern: '(a+)+$'\n"
        "docs:\n  what: a catastrophic pattern\n  why: to test the time budget\n"
        "  fail: aaa\n  pass: bbb\n",
        "utf-8",
    )
    (folder / "newslint.yaml").write_text("rule-dirs: [../house]\n", "utf-8")
    started = time.monotonic()
    proc = run(tmp_path, "check", "c", timeout=60)
    assert time.monotonic() - started < 30
    assert "internal-error" in proc.stdout and "slow-regex" in proc.stdout, proc.stdout
    assert linted_good(proc.stdout)


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_yaml_alias_bombs(tmp_path):
    folder = corpus(tmp_path)
    (folder / "bomb.md").write_text("---\n" + BOMB + "---\nBody 45 percent.\n", "utf-8")
    proc = run(tmp_path, "check", "c", timeout=60)
    assert "bomb.md" in proc.stdout and "alias" in proc.stdout and linted_good(proc.stdout)
    (folder / "newslint.yaml").write_text(BOMB, "utf-8")
    proc = run(tmp_path, "check", "c", timeout=60)
    assert proc.returncode == 2 and "newslint.yaml" in proc.stderr
    (folder / "newslint.yaml").write_text("rule-dirs: [../house]\n", "utf-8")
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "bomb.yaml").write_text(
        "id: bomb\nkind: pattern\nseverity: warning\nmessage: m\noptions:\n  pattern: x\n"
        "docs:\n  what: w\n  why: y\n" + "extra:\n  " + BOMB.replace("\n", "\n  "),
        "utf-8",
    )
    proc = run(tmp_path, "check", "c", timeout=60)
    assert proc.returncode == 2 and "bomb.yaml" in proc.stderr


def _model(tmp_path: Path) -> dict:
    from lint.tracking.model import DEFAULT_MODEL

    shipped = ROOT / "lint" / "tracking" / DEFAULT_MODEL
    data: dict = json.loads(shipped.read_text("utf-8"))
    return data


@pytest.mark.parametrize(
    "problem", ["no-features", "nan", "zero-scale", "not-utf8", "nested", "dev-zero", "tool-5"]
)
def test_a_model_that_is_not_a_model(tmp_path, problem):
    folder = corpus(tmp_path)
    model = tmp_path / "model.json"
    data = _model(tmp_path)
    if problem == "no-features":
        data.update(features=[], mean=[], scale=[], weights=[])
        model.write_text(json.dumps(data), "utf-8")
    elif problem == "nan":
        data["weights"][0] = float("nan")
        model.write_text(json.dumps(data), "utf-8")
    elif problem == "zero-scale":
        data["scale"][0] = 0
        model.write_text(json.dumps(data), "utf-8")
    elif problem == "not-utf8":
        model.write_bytes(b"\xff\xfe{}")
    elif problem == "nested":
        model.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    elif problem == "dev-zero":
        model = Path("/dev/zero")
    if problem == "tool-5":
        (folder / "pyproject.toml").write_text("tool = 5\n", "utf-8")
        proc = run(tmp_path, "check", "c", timeout=60)
        assert proc.returncode in (0, 1, 2), proc.stderr
        return
    (folder / "newslint.yaml").write_text(f"tracking-model: {model}\n", "utf-8")
    proc = run(tmp_path, "check", "c", timeout=60)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and model.as_posix() in lines[0], proc.stderr


def test_source_outside_the_corpus_is_never_opened(tmp_path):
    secret = tmp_path / "etc" / "passwd"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:the secret 424242 figure was reported\n", "utf-8")
    folder = tmp_path / "repo" / "c"
    folder.mkdir(parents=True)
    (folder / "rewrite.md").write_text(
        "---\ntitle: A story\nsource: ../../etc/passwd\n---\n" + GOOD, "utf-8"
    )
    (folder / "r.jsonl").write_text(
        json.dumps({"text": GOOD, "source_id": "../../etc/passwd"}) + "\n", "utf-8"
    )
    for command in (("check", "c"), ("score", "c"), ("report", "c", "--output", "out")):
        proc = run(tmp_path, *command, cwd=tmp_path / "repo", timeout=120)
        assert proc.returncode in (0, 1, 2), proc.stderr
        pages = ""
        if command[0] == "report":
            pages = "".join(
                p.read_text("utf-8") for p in (tmp_path / "repo" / "out").rglob("*") if p.is_file()
            )
        for text in (proc.stdout, proc.stderr, pages):
            assert "424242" not in text and "root:x" not in text


def test_corrupt_cache_and_baseline(tmp_path):
    corpus(tmp_path)
    first = run(tmp_path, "check", "c")
    for stored in (tmp_path / "cache").glob("*.json"):
        stored.write_text("[" * 100_000, "utf-8")
    assert run(tmp_path, "check", "c").stdout == first.stdout
    for stored in (tmp_path / "cache").glob("*.json"):  # crafted, unsigned: "no findings"
        stored.write_text(json.dumps({"units": {}, "corpus": None}), "utf-8")
    assert run(tmp_path, "check", "c").stdout == first.stdout
    base = tmp_path / "base.json"
    for content in ("[" * 100_000, "{not json", '{"version": 1, "findings": [1]}', ""):
        base.write_text(content, "utf-8")
        proc = run(tmp_path, "check", "c", "--baseline", str(base))
        assert proc.returncode == 2 and "base.json" in proc.stderr


def test_a_committed_cache_cannot_hide_findings(tmp_path):
    corpus(tmp_path)
    first = run(tmp_path, "check", "c")
    assert first.returncode == 1
    # someone else's newslint (another key) wrote the cache that was committed
    other = dict(_env(tmp_path), NEWSLINT_KEY_DIR=str(tmp_path / "other-key"))
    (tmp_path / "c" / "good.txt").write_text("Nothing wrong here.\n", "utf-8")
    subprocess.run(
        [sys.executable, "-m", "lint", "check", "c"], cwd=tmp_path, env=other, check=False
    )
    (tmp_path / "c" / "good.txt").write_text(GOOD, "utf-8")
    for stored in (tmp_path / "cache").glob("*.json"):
        body = stored.read_bytes().partition(b"\n")[2]
        data = json.loads(body)
        for entry in data["units"].values():
            entry[1] = []
        stored.write_bytes(b"0" * 64 + b"\n" + json.dumps(data).encode())
    assert run(tmp_path, "check", "c").stdout == first.stdout


def test_two_runs_sharing_a_cache(tmp_path):
    folder = corpus(tmp_path)
    for i in range(60):
        (folder / f"a{i}.txt").write_text(GOOD + f"\nExtra {i} people.\n", "utf-8")
    expected = run(tmp_path, "check", "c", "--no-cache").stdout
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "lint", "check", "c", "--jobs", "2"],
            cwd=tmp_path,
            env=_env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=TIMEOUT)
        assert "Traceback" not in err and out == expected
    assert run(tmp_path, "check", "c").stdout == expected


def _big_corpus(tmp: Path, n: int = 120) -> None:
    folder = corpus(tmp)
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(GOOD * 3 + f"\nExtra {i} people.\n", "utf-8")


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "kill-worker"])
def test_interrupted_jobs_2_run(tmp_path, how):
    _big_corpus(tmp_path, 1000)  # long enough that the signal lands mid-run on a fast machine
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "c", "--jobs", "2", "--no-cache"],
        cwd=tmp_path,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
        if children.exists():
            workers = [int(p) for p in children.read_text().split()]
    assert workers, "no worker started"
    time.sleep(0.5)
    if how == "kill-worker":
        os.kill(workers[0], signal.SIGKILL)
    else:
        os.killpg(proc.pid, getattr(signal, how))  # as a terminal or a CI runner sends it
    _out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err, err
    expected = {"SIGINT": 130, "SIGTERM": 143, "kill-worker": 2}[how]
    if proc.returncode not in (0, 1):  # 0/1: the run finished before the signal
        assert proc.returncode == expected, (proc.returncode, err)
    if how == "kill-worker" and proc.returncode == 2:
        assert "worker process died" in err
    time.sleep(0.5)
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in _state(pid), "a worker was left"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return "Z"


def test_one_megabyte_one_line_paragraph(tmp_path):
    folder = corpus(tmp_path)
    sentence = "The council said spending rose 12 percent to 4.5 million dollars in 2023. "
    (folder / "huge.txt").write_text(sentence * (1_000_000 // len(sentence)), "utf-8")
    started = time.monotonic()
    proc = run(tmp_path, "check", "c", "--no-cache", timeout=120)
    assert proc.returncode == 1 and linted_good(proc.stdout)
    assert time.monotonic() - started < 120


def test_sigkill_during_fix_leaves_no_torn_file_and_no_temp_file(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    for i in range(40):
        (folder / f"f{i}.txt").write_text(FIXABLE + f"\nFile {i}.\n", "utf-8")
    for attempt in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-m", "lint", "check", "c", "--fix", "--no-cache"],
            cwd=tmp_path,
            env=_env(tmp_path),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.3 + 0.3 * attempt)
        proc.kill()
        proc.wait()
        for path in folder.glob("*.txt"):
            text = path.read_text("utf-8")
            assert text.startswith(GOOD.split("\n")[0]) and text.endswith(".\n"), path
    run(tmp_path, "check", "c", "--fix", "--no-cache")
    assert not [p for p in folder.iterdir() if p.name.endswith(".newslint-tmp")]


def test_a_numeral_too_big_for_a_float_in_an_original(tmp_path):
    """Found by bench/fuzz.py: an original stating a 400-digit number made unsupported-figure
    raise OverflowError (an internal-error) on every rewrite of it."""
    folder = corpus(tmp_path)
    said = "Organisers said {} people came to the fair on Monday, the council said.\n"
    records = [
        {"id": "o1", "text": "Crowd at the fair\n\n" + said.format("9" * 400)},
        {"id": "r1", "source_id": "o1", "text": "Fair draws crowd\n\n" + said.format("about 12")},
    ]
    (folder / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    proc = run(tmp_path, "check", "c", "--no-cache")
    assert proc.returncode == 1 and linted_good(proc.stdout)
    assert "internal-error" not in proc.stdout, proc.stdout
    assert "'12' is not in the original" in proc.stdout


def test_control_characters_in_article_text_reach_no_terminal(tmp_path):
    """A finding's message quotes the article: escape sequences and bidi overrides in it are
    escaped in the text and GitHub formats, and kept exact in JSON."""
    folder = corpus(tmp_path)
    (folder / "odd.txt").write_text("Headline\n\nBAD\x1b[2J\x07\u202eword here.\n", "utf-8")
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "bad-word.yaml").write_text(
        "id: bad-word\nkind: pattern\nseverity: warning\nscope: text\n"
        "message: 'found {match}'\noptions:\n  pattern: 'BAD\\S*'\n"
        "docs:\n  what: a word\n  why: to test escaping\n  fail: BAD\n  pass: good\n",
        "utf-8",
    )
    (folder / "newslint.yaml").write_text("rule-dirs: [../house]\n", "utf-8")
    for fmt in ("text", "github"):
        proc = run(tmp_path, "check", "c", "--format", fmt, "--show-source", "--no-cache")
        assert proc.returncode == 1
        assert "found BAD\\x1b[2J\\x07\\u202eword" in proc.stdout, proc.stdout
        assert not {"\x1b", "\x07", "\u202e"} & set(proc.stdout), fmt
    proc = run(tmp_path, "check", "c", "--format", "json", "--no-cache")
    messages = [f["message"] for f in json.loads(proc.stdout) if f["rule"] == "bad-word"]
    assert messages == ["found BAD\x1b[2J\x07\u202eword"]


class _Payload:
    """A pickle that, when loaded, creates the file ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (Path.touch, (self.path,))


def test_a_committed_corpus_index_is_never_unpickled(tmp_path):
    """The corpus index (``--corpus-root`` with the cache) is a pickle in the cache folder: one
    committed at the predictable path ran its code on load, as it only had a checksum anyone can
    compute. It is signed with the user's key and checked before unpickling."""
    import pickle

    import xxhash

    from lint.io.index import _salt
    from lint.io.records import JsonlFields

    folder = corpus(tmp_path)
    (folder / "other.txt").write_text(GOOD.replace("Syria", "Lebanon"), "utf-8")
    pwned = tmp_path / "PWNED"
    payload = pickle.dumps(_Payload(pwned))
    cache = tmp_path / "cache"
    cache.mkdir()
    name = f"corpus-index-{_salt(JsonlFields())}.bin"
    for check in (bytes(xxhash.xxh3_128_digest(payload)), b"0" * 32):
        (cache / name).write_bytes(check + payload)
        proc = run(tmp_path, "check", "good.txt", "--corpus-root", ".", cwd=folder)
        assert proc.returncode == 1 and "good.txt:" in proc.stdout
        assert not pwned.exists()
    # the index file a run writes (its name also holds the rules' signature), replaced in turn
    # by the payload behind a forged checksum, a header length and a blob
    written = [p for p in cache.glob("corpus-index-*.bin") if p.name != name]
    assert written
    for path in written:
        for forged in (b"0" * 32 + len(payload).to_bytes(8, "little") + payload, payload):
            path.write_bytes(forged)
            proc = run(tmp_path, "check", "good.txt", "--corpus-root", ".", cwd=folder)
            assert proc.returncode == 1 and "good.txt:" in proc.stdout
            assert "corrupt" in proc.stderr
            assert not pwned.exists()


def test_show_source_never_prints_a_file_newslint_would_not_read(tmp_path):
    """An unreadable-file finding on a link out of the corpus or a FIFO shows no source line:
    ``--show-source`` read the link's target (another user's file) and printed its first line."""
    folder = corpus(tmp_path)
    (tmp_path / "secret.txt").write_text("root:x:0:0:secret 987654 people\n", "utf-8")
    (folder / "leak.txt").symlink_to(tmp_path / "secret.txt")
    os.mkfifo(folder / "pipe.txt")
    proc = run(tmp_path, "check", "c", "--show-source", "--no-cache", timeout=60)
    assert "leak.txt:1:1: unreadable-file" in proc.stdout and "pipe.txt:1:1" in proc.stdout
    assert "987654" not in proc.stdout and "root:x" not in proc.stdout
