import numpy as np
import pytest

from cnn_desktop.core.samples import Sample, SampleStore, read_bundle


def make_sample(label: int, seed: int = 0) -> Sample:
    rng = np.random.default_rng(seed)
    strokes = [rng.random((5, 3)).astype(np.float32), rng.random((2, 3)).astype(np.float32)]
    return Sample.from_network_input(label, rng.random((28, 28)), strokes)


def test_samples_survive_a_new_store_with_strokes_and_labels(tmp_path):
    store = SampleStore(tmp_path)
    first, second = make_sample(3, 1), make_sample(7, 2)
    store.add(first)
    store.add(second)
    reopened = SampleStore(tmp_path).load()
    assert reopened.problems == []
    by_id = {s.identifier: s for s in reopened.samples}
    assert by_id[first.identifier].label == 3
    np.testing.assert_array_equal(by_id[first.identifier].image, first.image)
    assert len(by_id[second.identifier].strokes) == 2
    np.testing.assert_array_equal(by_id[second.identifier].strokes[0], second.strokes[0])
    assert reopened.counts()[3] == 1 and reopened.counts()[7] == 1 and reopened.counts()[0] == 0


def test_network_input_becomes_uint8_for_training():
    sample = Sample.from_network_input(5, np.full((28, 28), 0.5))
    assert sample.image.dtype == np.uint8 and int(sample.image[0, 0]) == 128
    with pytest.raises(ValueError):
        Sample.from_network_input(10, np.zeros((28, 28)))


def test_a_corrupted_sample_is_skipped_with_a_message_and_the_rest_load(tmp_path):
    store = SampleStore(tmp_path)
    for label in range(3):
        store.add(make_sample(label, label))
    damaged = tmp_path / f"{store.samples[1].identifier}.npz"
    damaged.write_bytes(damaged.read_bytes()[:40])
    reopened = SampleStore(tmp_path).load()
    assert sorted(s.label for s in reopened.samples) == [0, 2]
    assert len(reopened.problems) == 1 and damaged.name in reopened.problems[0]


def test_delete_removes_files_too(tmp_path):
    store = SampleStore(tmp_path)
    keep, drop = make_sample(1), make_sample(2)
    store.add(keep)
    store.add(drop)
    assert store.delete([drop.identifier]) == 1
    assert [s.identifier for s in SampleStore(tmp_path).load().samples] == [keep.identifier]


def test_export_and_import_pool_a_class_without_doubling(tmp_path):
    alice = SampleStore(tmp_path / "alice")
    for label in (4, 4, 9):
        alice.add(make_sample(label, label + len(alice.samples)))
    bundle = tmp_path / "alice.npz"
    assert alice.export(bundle) == 3
    bob = SampleStore(tmp_path / "bob")
    bob.add(make_sample(0))
    assert bob.import_bundle(bundle) == 3
    assert bob.import_bundle(bundle) == 0
    assert SampleStore(tmp_path / "bob").load().counts()[4] == 2
    digits = bob.digit_set()
    assert len(digits) == 4 and digits.images.shape == (4, 28, 28)


def test_foreign_or_hostile_bundles_are_refused(tmp_path):
    not_samples = tmp_path / "other.npz"
    np.savez(not_samples, something=np.zeros(3))
    with pytest.raises(ValueError, match="not a readable samples file"):
        read_bundle(not_samples)
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, format=np.array([{"evil": 1}], dtype=object))
    with pytest.raises(ValueError):
        read_bundle(pickled)


def test_identifiers_from_a_bundle_cannot_escape_the_folder(tmp_path):
    store = SampleStore(tmp_path / "mine")
    hostile = Sample(1, np.zeros((28, 28), np.uint8), identifier="../../escape")
    from cnn_desktop.core.samples import bundle_bytes

    bundle = tmp_path / "hostile.npz"
    bundle.write_bytes(bundle_bytes([hostile]))
    assert store.import_bundle(bundle) == 1
    assert not (tmp_path / "escape.npz").exists()
    assert len(list((tmp_path / "mine").glob("*.npz"))) == 1
