"""The public API is small and explicit: a sorted ``__all__`` whose names all exist."""

import veil


def test_all_is_sorted_and_complete() -> None:
    assert list(veil.__all__) == sorted(veil.__all__)
    for name in veil.__all__:
        assert hasattr(veil, name), name


def test_package_is_typed() -> None:
    from importlib import resources

    assert resources.files("veil").joinpath("py.typed").is_file()
