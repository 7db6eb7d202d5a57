import Tensors

/// Writes a tensor as a NumPy `.npy` array as `numpy.save` does: format version 1.0,
/// little-endian float32 (`'<f4'`) in C order, the header padded with spaces to a multiple of
/// 64 bytes and ended by a newline.
public enum NpyWriter {
  public static func write(_ t: Tensor, to path: String) throws {
    try FileBytes.write(bytes(t), to: path)
  }

  public static func bytes(_ t: Tensor) -> [UInt8] {
    let shape: String
    switch t.shape.count {
    case 0: shape = "()"
    case 1: shape = "(\(t.shape[0]),)"
    default: shape = "(" + t.shape.map(String.init).joined(separator: ", ") + ")"
    }
    var header = Array("{'descr': '<f4', 'fortran_order': False, 'shape': \(shape), }".utf8)
    let prefix = 10  // magic (6), version (2), header length (2)
    let padding = 64 - (prefix + header.count + 1) % 64
    header += Array(repeating: UInt8(ascii: " "), count: padding) + [UInt8(ascii: "\n")]
    var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)]
    out += header
    out.reserveCapacity(out.count + 4 * t.scalars.count)
    t.withUnsafeBufferPointer { p in
      for v in p {
        let bits = v.bitPattern.littleEndian
        withUnsafeBytes(of: bits) { out.append(contentsOf: $0) }
      }
    }
    return out
  }
}
