import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from cnn_desktop.cli import main
from cnn_desktop.core.weights import load_weights


def write_png(path: Path, draw_ink=None, background=0, ink=255) -> Path:
    picture = Image.new("L", (280, 280), background)
    if draw_ink is not None:
        draw_ink(ImageDraw.Draw(picture), ink)
    picture.save(path)
    return path


def vertical_stroke(draw, ink):
    draw.line([(140, 40), (140, 240)], fill=ink, width=22)


def ellipse(draw, ink):
    draw.ellipse([(80, 40), (200, 240)], outline=ink, width=22)


def test_predict_reads_real_pngs_as_json_lines(tmp_path, capsys):
    one = write_png(tmp_path / "one.png", vertical_stroke)
    zero = write_png(tmp_path / "zero.png", ellipse, background=255, ink=0)  # pen on paper
    empty = write_png(tmp_path / "empty.png")
    assert main(["predict", "--json", str(one), str(zero), str(empty)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["file"] for line in lines] == [str(one), str(zero), str(empty)]
    assert [line["digit"] for line in lines] == [1, 0, None]
    assert sum(lines[0]["probabilities"]) == pytest.approx(1.0, abs=1e-4)
    assert len(lines[1]["probabilities"]) == 10


def test_a_bad_file_gets_one_line_and_the_others_are_still_predicted(tmp_path, capsys):
    bad = tmp_path / "notes.png"
    bad.write_text("this is not a picture")
    one = write_png(tmp_path / "one.png", vertical_stroke)
    status = main(["predict", str(bad), str(tmp_path / "missing.png"), str(one)])
    captured = capsys.readouterr()
    assert status != 0
    assert captured.out.strip() == f"{one}: 1 ({captured.out.split('(')[1]}".strip()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert "notes.png" in errors[0] and "not an image" in errors[0]
    assert "missing.png" in errors[1] and "does not exist" in errors[1]
    assert "Traceback" not in captured.err


def test_predict_with_unusable_weights_says_why(tmp_path, capsys):
    weights = tmp_path / "w.safetensors"
    weights.write_bytes(b"\x00" * 100)
    one = write_png(tmp_path / "one.png", vertical_stroke)
    assert main(["predict", "--weights", str(weights), str(one)]) == 2
    assert "w.safetensors" in capsys.readouterr().err


def test_train_then_evaluate_on_tiny_files(tiny_mnist, tmp_path, capsys):
    out = tmp_path / "tiny.safetensors"
    status = main([
        "train", "--epochs", "1", "--batch-size", "50", "--hidden", "16", "--pool", "avg",
        "--no-augment", "--data-dir", str(tiny_mnist), "--out", str(out),
    ])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "epoch 1/1" in captured.err and "test accuracy" in captured.out
    assert load_weights(out).metadata.architecture.pooling == "avg"

    assert main(["evaluate", "--weights", str(out), "--data-dir", str(tiny_mnist), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert np.array(report["confusion"]).sum() == 100
    assert len(report["per_class"]) == 10
    assert report["accuracy"] == pytest.approx(load_weights(out).metadata.test_accuracy)


def test_ctrl_c_during_training_writes_no_file(tiny_mnist, tmp_path, capsys, monkeypatch):
    import cnn_desktop.core.training as training

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(training, "train", interrupted)
    out = tmp_path / "never.safetensors"
    assert main(["train", "--data-dir", str(tiny_mnist), "--out", str(out)]) == 130
    assert not out.exists()
    assert "was not written" in capsys.readouterr().err


def test_missing_mnist_says_where_it_looked(tmp_path, capsys):
    assert main(["train", "--data-dir", str(tmp_path / "nothing")]) == 1
    error = capsys.readouterr().err
    assert str(tmp_path / "nothing") in error and "--data-dir" in error
    assert main(["evaluate", "--data-dir", str(tmp_path / "nothing")]) == 1
