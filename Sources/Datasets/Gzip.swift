import CZlib
import Tensors

/// gzip decompression over zlib (concatenated members are read in turn, as gzip does).
public enum Gzip {
  /// True when `bytes` start with the gzip magic number.
  public static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// The decompressed bytes of a whole gzip file. A truncated or corrupt stream is an error
  /// naming `path`.
  public static func decompress(_ input: [UInt8], path: String) throws -> [UInt8] {
    guard !input.isEmpty else { throw DataError("\(path): the file is empty (expected gzip data)") }
    // zlib counts input in 32 bits.
    guard input.count <= Int(UInt32.max) else {
      throw DataError("\(path): \(input.count) bytes of gzip data are more than can be read at once (at most \(UInt32.max))")
    }
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 4)
    var stream = z_stream()
    // 15 + 32: a zlib or gzip header, detected automatically.
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw DataError("\(path): could not start zlib")
    }
    defer { inflateEnd(&stream) }
    let chunk = 1 << 18
    var buffer = [UInt8](repeating: 0, count: chunk)
    try input.withUnsafeBufferPointer { inp in
      stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress!)  // cannot fail: the input is not empty (checked above)
      stream.avail_in = UInt32(inp.count)
      while true {
        // A small file can expand a thousandfold: each chunk is asked for before it is kept.
        try MemoryBudget.reserve(output.count + chunk, for: "\(path): the decompressed content")
        try RunDeadline.check()
        let status: Int32 = buffer.withUnsafeMutableBufferPointer { out in
          stream.next_out = out.baseAddress!  // cannot fail: an array has an address even when empty
          stream.avail_out = UInt32(chunk)
          return inflate(&stream, Z_NO_FLUSH)
        }
        output.append(contentsOf: buffer[0..<(chunk - Int(stream.avail_out))])
        switch status {
        case Z_STREAM_END:
          // Another member may follow (gzip files can be concatenated).
          if stream.avail_in == 0 { return }
          if stream.next_in.pointee != 0x1F { return }  // trailing garbage after a member: ignore as gzip does
          guard inflateReset(&stream) == Z_OK else { throw DataError("\(path): corrupt gzip data") }
        case Z_OK:
          continue
        case Z_BUF_ERROR:
          if stream.avail_in == 0 {
            throw DataError("\(path): truncated gzip data (the compressed stream ends early, after \(output.count) bytes of content)")
          }
        default:
          let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
          throw DataError("\(path): corrupt gzip data (\(reason))")
        }
      }
    }
    return output
  }
}
