import numpy as np

from cnnviz.core.analysis.mosaic import cell_at, fitting_columns, grid_columns, normalise, tile


def test_tile_places_cells_row_by_row():
    cells = np.arange(5 * 2 * 3, dtype=np.float32).reshape(5, 2, 3)
    image = tile(cells, columns=3, pad=1, fill=-1)
    assert image.shape == (2 * 3 - 1, 3 * 4 - 1)
    assert np.array_equal(image[0:2, 4:7], cells[1])
    assert np.array_equal(image[3:5, 0:3], cells[3])
    assert (image[3:5, 8:11] == -1).all()  # the sixth cell is empty


def test_cell_at_inverts_tile():
    assert cell_at(5.5, 0.5, (2, 3), columns=3, count=5) == 1
    assert cell_at(3.5, 0.5, (2, 3), columns=3, count=5) is None  # on the padding
    assert cell_at(9.0, 4.0, (2, 3), columns=3, count=5) is None  # past the last cell
    assert cell_at(0.0, 3.0, (2, 3), columns=3, count=5) == 3


def test_normalise_per_map_and_shared():
    maps = np.stack([np.zeros((2, 2)), np.full((2, 2), 4.0)])
    maps[0, 0, 0] = 2.0
    per_map = normalise(maps, per_map=True)
    shared = normalise(maps, per_map=False)
    assert per_map[0].max() == 1.0 and per_map[1].max() == 0.0  # a flat map stays flat
    assert shared[1].max() == 1.0 and shared[0, 0, 0] == 0.5
    weights = normalise(np.array([[[-2.0, 1.0]]]), per_map=True, symmetric=True)
    assert np.allclose(weights, [[[0.0, 0.75]]])


def test_grid_columns():
    assert grid_columns(16) == 4 and grid_columns(10) == 4 and grid_columns(1) == 1


def test_fitting_columns_draws_the_grid_largest_in_its_area():
    # 16 kernels of 5x5 a pixel apart: a square area takes 4x4, a wide one 8x2, a tall 2x8
    assert fitting_columns(16, (5, 5), (400, 400)) == 4
    assert fitting_columns(16, (5, 5), (800, 200)) == 8
    assert fitting_columns(16, (5, 5), (200, 800)) == 2
    assert fitting_columns(1, (5, 5), (10, 1000)) == 1
