import Catalog
import CZlib
import Tensors

/// Reads NumPy `.npz` archives (what `numpy.savez` and `numpy.savez_compressed` write): a zip
/// file of `.npy` arrays, stored or deflated. Each array is read as `NpyReader` reads a
/// `.npy` file and named as NumPy names it (`x` for the member `x.npy`).
public enum NpzReader {
  public static func read(path: String) throws -> [(name: String, tensor: Tensor)] {
    try parse(FileBytes.read(path), path: path)
  }

  public static func parse(_ b: [UInt8], path: String) throws -> [(name: String, tensor: Tensor)] {
    guard !b.isEmpty else { throw DataError("\(path): the file is empty (expected a NumPy .npz archive)") }
    guard b.count >= 22, b[0] == 0x50, b[1] == 0x4B else { throw DataError("\(path): not a NumPy .npz file (not a zip archive)") }
    // The end-of-central-directory record: the last "PK\5\6", within a comment's reach of the end.
    var end = -1
    for i in stride(from: b.count - 22, through: max(0, b.count - 22 - 65_535), by: -1) where u32(b, i) == 0x0605_4B50 {
      end = i
      break
    }
    guard end >= 0 else { throw DataError("\(path): truncated .npz archive (no zip directory at its end)") }
    let count = u16(b, end + 10)
    var at = Int(u32(b, end + 16))
    var arrays: [(name: String, tensor: Tensor)] = []
    for k in 0..<count {
      guard at + 46 <= b.count, u32(b, at) == 0x0201_4B50 else {
        throw DataError("\(path): corrupt .npz archive (directory entry \(k + 1) of \(count) is damaged)")
      }
      let method = u16(b, at + 10), crc = u32(b, at + 16)
      var packed = Int(u32(b, at + 20)), size = Int(u32(b, at + 24))
      let nameLength = u16(b, at + 28), extraLength = u16(b, at + 30), commentLength = u16(b, at + 32)
      var local = Int(u32(b, at + 42))
      guard at + 46 + nameLength + extraLength <= b.count else { throw DataError("\(path): truncated .npz archive") }
      let member = String(decoding: b[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
      // Zip64 sizes and offset (numpy.savez writes them for large arrays), in this order.
      var e = at + 46 + nameLength
      while e + 4 <= at + 46 + nameLength + extraLength {
        let id = u16(b, e), length = u16(b, e + 2)
        if id == 1 {
          var f = e + 4
          for field in [0, 1, 2] where f + 8 <= e + 4 + length {
            let value = Int(u32(b, f)) | Int(u32(b, f + 4)) << 32
            switch field {
            case 0 where size == 0xFFFF_FFFF: size = value; f += 8
            case 1 where packed == 0xFFFF_FFFF: packed = value; f += 8
            case 2 where local == 0xFFFF_FFFF: local = value; f += 8
            default: break
            }
          }
        }
        e += 4 + length
      }
      at += 46 + nameLength + extraLength + commentLength
      guard member.hasSuffix(".npy") else { continue }
      // Zip64 fields are 64 bits: one with the top bit set reads as negative here.
      guard packed >= 0, size >= 0, local >= 0 else {
        throw DataError("\(path): corrupt .npz archive (member \(member) has an impossible size or offset)")
      }
      guard local + 30 <= b.count, u32(b, local) == 0x0403_4B50 else {
        throw DataError("\(path): corrupt .npz archive (member \(member) is not where the directory says)")
      }
      let start = local + 30 + u16(b, local + 26) + u16(b, local + 28)
      guard start <= b.count, packed <= b.count - start else {
        throw DataError("\(path): truncated .npz archive (member \(member) ends early)")
      }
      let data: [UInt8]
      switch method {
      case 0: data = Array(b[start..<(start + packed)])
      case 8:
        // Deflate expands at most about 1032 to 1: a larger size is a lie, checked before allocating.
        guard size <= packed * 1032 + 64 else {
          throw DataError("\(path): corrupt .npz archive (member \(member) claims \(size) bytes from \(packed) compressed)")
        }
        // A small archive can claim a thousandfold more: the budget is asked before inflating.
        try MemoryBudget.reserve(size, for: "\(path): member \(member) inflated")
        data = try inflateRaw(Array(b[start..<(start + packed)]), size: size, what: "\(path): member \(member)")
      default: throw DataError("\(path): member \(member) uses zip compression method \(method) (expected stored or deflated, as numpy.savez writes)")
      }
      guard data.count == size, checksum(data) == crc else {
        throw DataError("\(path): member \(member) is corrupt (its size or checksum differs from the directory's)")
      }
      arrays.append((String(member.dropLast(4)), try NpyReader.parse(data, path: "\(path): member \(member)")))
    }
    return arrays
  }

  static func u16(_ b: [UInt8], _ i: Int) -> Int { i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }
  static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
    guard i >= 0, i + 4 <= b.count else { return 0 }
    return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
  }

  static func checksum(_ data: [UInt8]) -> UInt32 {
    data.withUnsafeBufferPointer { p in UInt32(crc32(0, p.baseAddress, UInt32(p.count))) }
  }

  /// A raw deflate stream (no zlib or gzip header), as zip members hold, of `size` bytes.
  static func inflateRaw(_ input: [UInt8], size: Int, what: String) throws -> [UInt8] {
    var output = [UInt8](repeating: 0, count: size)
    guard !input.isEmpty else { throw DataError("\(what) is empty") }
    var stream = z_stream()
    guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw DataError("\(what): could not start zlib")
    }
    defer { inflateEnd(&stream) }
    let status: Int32 = input.withUnsafeBufferPointer { inp in
      output.withUnsafeMutableBufferPointer { out in
        stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
        stream.avail_in = UInt32(inp.count)
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        return inflate(&stream, Z_FINISH)
      }
    }
    guard status == Z_STREAM_END, Int(stream.total_out) == size else {
      throw DataError("\(what) is corrupt (its deflated data does not expand to the \(size) bytes the directory gives)")
    }
    return output
  }

  static let entry = DataLibrary.entry(
    "load_npz", "A NumPy .npz archive (numpy.savez or savez_compressed) as a table of tensors by name: `local a = data.load_npz(\"d.npz\"); a.x`.",
    returns: [Returned(.record, "each array of the archive as a float32 tensor, by its name")],
    details: "Each array is read as load_npy reads a .npy file (float32, float64, int32 or int64; C order). Members that are not .npy files are skipped."
  ) { d in
    let path = DataLibrary.path(d)
    return { args in [.table(try read(path: args[path]).map { (key: $0.name, value: .tensor($0.tensor)) })] }
  }
}
