import Foundation

/// The points of one series written together, as the three arrays a `metric` row holds.
struct PointChunk {
  var steps: [Int64] = []
  var bits: [UInt64] = []
  var walls: [Double] = []

  mutating func append(step: Int, value: Double, wall: Double) {
    steps.append(Int64(step))
    bits.append(value.bitPattern)
    walls.append(wall)
  }

  var count: Int { steps.count }

  mutating func removeAll() {
    steps.removeAll(keepingCapacity: true)
    bits.removeAll(keepingCapacity: true)
    walls.removeAll(keepingCapacity: true)
  }

  /// An array as little-endian bytes.
  static func bytes<T: FixedWidthInteger>(_ values: [T]) -> Data {
    if 1.littleEndian == 1 { return values.withUnsafeBytes { Data($0) } }
    var data = Data(count: values.count * MemoryLayout<T>.size)
    data.withUnsafeMutableBytes { raw in
      for (i, v) in values.enumerated() { raw.storeBytes(of: v.littleEndian, toByteOffset: i * MemoryLayout<T>.size, as: T.self) }
    }
    return data
  }

  static func bytes(_ values: [Double]) -> Data { bytes(values.map(\.bitPattern)) }

  /// Little-endian bytes as an array of `count` values (fewer if the blob is short).
  static func values<T: FixedWidthInteger>(_ data: Data, count: Int, as: T.Type) -> [T] {
    let n = min(count, data.count / MemoryLayout<T>.size)
    if 1.littleEndian == 1 {
      var out = [T](repeating: 0, count: n)
      out.withUnsafeMutableBytes { dst in data.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[0..<(n * MemoryLayout<T>.size)])) } }
      return out
    }
    return data.withUnsafeBytes { raw in
      (0..<n).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * MemoryLayout<T>.size, as: T.self)) }
    }
  }
}
