import Tensors

/// Reads NumPy `.npy` arrays (format versions 1–3) of float32, float64, int32 or int64 in C
/// order, little-endian, into float32 tensors. Anything else is an error saying what was found.
public enum NpyReader {
  public static func read(path: String) throws -> Tensor {
    try parse(FileBytes.read(path), path: path)
  }

  public static func parse(_ b: [UInt8], path: String) throws -> Tensor {
    let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    guard !b.isEmpty else { throw DataError("\(path): the file is empty (expected a NumPy .npy array)") }
    guard b.count >= 10, Array(b[0..<6]) == magic else { throw DataError("\(path): not a NumPy .npy file (the magic string \\x93NUMPY is missing)") }
    let major = b[6]
    let headerLength: Int, headerStart: Int
    switch major {
    case 1: headerLength = Int(b[8]) | Int(b[9]) << 8; headerStart = 10
    case 2, 3:
      guard b.count >= 12 else { throw DataError("\(path): truncated .npy header") }
      headerLength = Int(b[8]) | Int(b[9]) << 8 | Int(b[10]) << 16 | Int(b[11]) << 24; headerStart = 12
    default: throw DataError("\(path): .npy format version \(major) is not supported (expected 1, 2 or 3)")
    }
    guard headerStart + headerLength <= b.count else { throw DataError("\(path): truncated .npy header (needs \(headerLength) bytes)") }
    let header = String(decoding: b[headerStart..<(headerStart + headerLength)], as: UTF8.self)
    guard let descr = value(of: "descr", in: header), let order = value(of: "fortran_order", in: header),
          let shapeText = value(of: "shape", in: header) else {
      throw DataError("\(path): the .npy header lacks descr, fortran_order or shape: \(quoted(header))")
    }
    let dtype = descr.trimmingCharacters(in: ["'", "\""])
    let size: Int
    switch dtype {
    case "<f4", "<f8", "<i4", "<i8": size = dtype.hasSuffix("4") ? 4 : 8
    default:
      throw DataError("\(path): dtype \(quoted(dtype)) is not supported (expected little-endian float32, float64, int32 or int64: '<f4', '<f8', '<i4', '<i8')")
    }
    guard order == "False" else { throw DataError("\(path): the array is in Fortran order; save it in C order (np.ascontiguousarray)") }
    let inner = shapeText.trimmingCharacters(in: ["(", ")", " "])
    var shape: [Int] = []
    for part in inner.split(separator: ",") {
      let t = part.trimmingCharacters(in: [" "])
      if t.isEmpty { continue }
      guard let n = Int(t), n >= 0 else { throw DataError("\(path): bad shape \(quoted(shapeText)) in the .npy header") }
      shape.append(n)
    }
    guard let count = Tensor.elementCount(shape) else {
      throw DataError("\(path): shape \(describeShape(shape)) in the .npy header is too large (at most \(Tensor.maxElements) values)")
    }
    let dataStart = headerStart + headerLength
    guard b.count - dataStart == count * size else {
      throw DataError("\(path): the data holds \(b.count - dataStart) bytes, but shape \(describeShape(shape)) of \(dtype) needs \(count * size) (truncated file?)")
    }
    var t = Tensor(uninitializedShape: shape)
    // Integers (token indices, labels) must survive as float32 exactly: |v| ≤ 2²⁴ or one a float holds.
    var inexact: (index: Int, value: Int64)?
    b.withUnsafeBytes { raw in
      t.withUnsafeMutableBufferPointer { out in
        let p = raw.baseAddress! + dataStart  // cannot fail: an array has an address even when empty
        for i in 0..<count {
          switch dtype {
          case "<f4": out[i] = Float(bitPattern: UInt32(littleEndian: p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)))
          case "<f8": out[i] = Float(Double(bitPattern: UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))))
          case "<i4", "<i8":
            let v = dtype == "<i4" ? Int64(Int32(littleEndian: p.loadUnaligned(fromByteOffset: i * 4, as: Int32.self)))
              : Int64(littleEndian: p.loadUnaligned(fromByteOffset: i * 8, as: Int64.self))
            out[i] = Float(v)
            if inexact == nil, Int64(exactly: out[i]) != v { inexact = (i, v) }
          default: break
          }
        }
      }
    }
    if let inexact {
      throw DataError("\(path): the integer \(inexact.value) at flat position \(inexact.index) has no exact float32 value (tensors hold float32: integers up to 16777216 in magnitude are exact)")
    }
    return t
  }

  /// The text of `'key': value` in the header dict (up to the next top-level comma).
  static func value(of key: String, in header: String) -> String? {
    guard let r = header.range(of: "'\(key)'") else { return nil }
    var rest = header[r.upperBound...].drop { $0 == " " }
    guard rest.first == ":" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " }
    var depth = 0, end = rest.startIndex
    while end < rest.endIndex {
      let c = rest[end]
      if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } else if (c == "," || c == "}") && depth == 0 { break }
      end = rest.index(after: end)
    }
    return String(rest[..<end]).trimmingCharacters(in: [" "])
  }
}

import Foundation
