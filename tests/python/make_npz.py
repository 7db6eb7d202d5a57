"""Writes the .npz fixtures of Tests/DatasetsTests (NpzReaderTests): one archive as numpy.savez
stores it and one as numpy.savez_compressed deflates it, with arrays of every dtype the reader
takes. The tests compare with the values below, not with the bytes (zip members carry the time
they were written). numpy 2.4.6."""
import numpy as np

out = "Tests/DatasetsTests/Fixtures/good/"
x = np.array([[1.5, -2.0, 0.25], [3.0, 4.5, -0.125]], dtype=np.float64)
y = np.array([[0, 1], [1, 1]], dtype=np.int64)
w = np.array([0.5, 2.0], dtype=np.float32)
k = np.array([-3, 7, 11], dtype=np.int32)
np.savez(out + "numpy-stored.npz", x=x, y=y)
np.savez_compressed(out + "numpy-deflated.npz", x=x, w=w, k=k, big=np.arange(4000, dtype=np.float64).reshape(1000, 4) / 8)
# 16 MiB of float32 zeros deflate to about 16 KB: the reader asks the memory budget before inflating.
np.savez_compressed(out + "numpy-zeros-16mib.npz", z=np.zeros(4 << 20, dtype=np.float32))
