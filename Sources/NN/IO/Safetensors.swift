import Catalog
import Foundation
import Tensors

/// The safetensors format (float32 tensors and string metadata), read strictly: models are
/// shared like scripts, so a corrupt or hostile file is a clear error, never a crash.
///
/// Layout: an 8-byte little-endian header length N, N bytes of JSON
/// (`{"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}`),
/// then the data, which the tensors must tile exactly (no overlaps, gaps or trailing bytes).
public enum Safetensors {
  public struct File {
    public var tensors: [(name: String, tensor: Tensor)]
    public var metadata: [String: String]
  }

  /// Largest header accepted (as the reference implementation: 100 MB).
  static let maxHeader = 100_000_000

  public static func write(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String], to path: String) throws {
    let out = try encode(tensors, metadata: metadata, path: path)
    // A failure is a FileError: `path: reason`.
    try FileAccess.write(out, to: path)
  }

  /// The bytes of a safetensors file holding `tensors` and `metadata` (`path` names the file in errors).
  public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String], path: String) throws -> Data {
    var header: [String: Any] = [:]
    var offset = 0
    for (name, t) in tensors {
      guard header[name] == nil, name != "__metadata__" else { throw SafetensorsError(path, "duplicate tensor name '\(name)'") }
      let bytes = t.count * 4
      header[name] = ["dtype": "F32", "shape": t.shape, "data_offsets": [offset, offset + bytes]]
      offset += bytes
    }
    if !metadata.isEmpty { header["__metadata__"] = metadata }
    var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
    // Pad the header with spaces so the data starts 8-byte aligned, as the spec recommends.
    while (8 + json.count) % 8 != 0 { json.append(0x20) }
    var out = Data()
    out.reserveCapacity(8 + json.count + offset)
    var n = UInt64(json.count).littleEndian
    withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
    out.append(json)
    for (_, t) in tensors {
      t.withUnsafeBufferPointer { p in
        p.withMemoryRebound(to: UInt8.self) { out.append(contentsOf: UnsafeRawBufferPointer($0)) }
      }
    }
    return out
  }

  public static func read(_ path: String) throws -> File {
    do { try FileAccess.check(path, for: .read) } catch let e as FileError {
      throw SafetensorsError(FilePolicy.printable(path), e.reason)
    }
    // The file's bytes and the tensors copied from them are held together: both are asked of
    // the memory budget before the file is read.
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
      try MemoryBudget.reserve(size > Int.max / 2 ? Int.max : 2 * size, for: "\(FilePolicy.printable(path)): reading its \(size) bytes")
    }
    let data: Data
    do { data = Data(try FileAccess.readBytes(path)) } catch let e as FileError {
      throw SafetensorsError(path, e.reason == FileAccess.reason(errno: ENOENT) ? "no such file" : e.reason)
    }
    return try parse(data, path: path)
  }

  public static func parse(_ data: Data, path: String) throws -> File {
    guard data.count >= 8 else { throw SafetensorsError(path, "file of \(data.count) bytes is too short for a safetensors header") }
    let n = data.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian
    guard n <= UInt64(maxHeader) else { throw SafetensorsError(path, "header length \(n) is larger than the limit of \(maxHeader) bytes") }
    guard n <= UInt64(data.count - 8) else { throw SafetensorsError(path, "header length \(n) runs past the end of the file (\(data.count) bytes)") }
    let headerBytes = data.subdata(in: 8..<(8 + Int(n)))
    guard headerBytes.first == UInt8(ascii: "{") else { throw SafetensorsError(path, "header does not start with '{'") }
    let object: Any
    do { object = try JSONSerialization.jsonObject(with: headerBytes) } catch {
      throw SafetensorsError(path, "header is not valid JSON")
    }
    guard let header = object as? [String: Any] else { throw SafetensorsError(path, "header is not a JSON object") }
    let dataStart = 8 + Int(n), dataLength = data.count - dataStart

    var metadata: [String: String] = [:]
    if let meta = header["__metadata__"] {
      guard let m = meta as? [String: Any] else { throw SafetensorsError(path, "__metadata__ is not an object") }
      for (k, v) in m {
        guard let s = v as? String else { throw SafetensorsError(path, "__metadata__ value '\(k)' is not a string") }
        metadata[k] = s
      }
    }

    var entries: [(name: String, shape: [Int], begin: Int, end: Int)] = []
    for (name, value) in header where name != "__metadata__" {
      guard let info = value as? [String: Any] else { throw SafetensorsError(path, "tensor '\(name)' is not described by an object") }
      for key in info.keys where !["dtype", "shape", "data_offsets"].contains(key) {
        throw SafetensorsError(path, "tensor '\(name)' has an unknown field '\(key)'")
      }
      guard let dtype = info["dtype"] as? String else { throw SafetensorsError(path, "tensor '\(name)' has no dtype") }
      guard dtype == "F32" else { throw SafetensorsError(path, "tensor '\(name)' has dtype \(dtype); only F32 is supported") }
      guard let shapeValues = info["shape"] as? [Any], let shape = integers(shapeValues), shape.allSatisfy({ $0 >= 0 }) else {
        throw SafetensorsError(path, "tensor '\(name)' has a shape that is not a list of non-negative integers")
      }
      guard let offsetValues = info["data_offsets"] as? [Any], let offsets = integers(offsetValues), offsets.count == 2 else {
        throw SafetensorsError(path, "tensor '\(name)' has data_offsets that are not two integers")
      }
      let (begin, end) = (offsets[0], offsets[1])
      guard begin >= 0, begin <= end, end <= dataLength else {
        throw SafetensorsError(path, "tensor '\(name)' has data_offsets [\(begin), \(end)] outside the \(dataLength) data bytes")
      }
      var count = 1
      for d in shape {
        let (p, o) = count.multipliedReportingOverflow(by: d)
        guard !o, p <= Int(UInt32.max) else { throw SafetensorsError(path, "tensor '\(name)' has an impossibly large shape") }
        count = p
      }
      guard end - begin == count * 4 else {
        throw SafetensorsError(path, "tensor '\(name)' of shape \(describeShape(shape)) needs \(count * 4) bytes, its offsets span \(end - begin)")
      }
      entries.append((name, shape, begin, end))
    }
    // The tensors must tile the data exactly.
    let sorted = entries.sorted { ($0.begin, $0.end) < ($1.begin, $1.end) }
    var cursor = 0
    for e in sorted {
      if e.begin < cursor { throw SafetensorsError(path, "tensor '\(e.name)' overlaps another tensor's data") }
      if e.begin > cursor { throw SafetensorsError(path, "\(e.begin - cursor) bytes before tensor '\(e.name)' belong to no tensor") }
      cursor = e.end
    }
    if cursor != dataLength { throw SafetensorsError(path, "\(dataLength - cursor) trailing bytes after the last tensor") }

    var tensors: [(String, Tensor)] = []
    for e in entries.sorted(by: { $0.begin < $1.begin }) {
      var t = Tensor(uninitializedShape: e.shape)
      t.withUnsafeMutableBufferPointer { p in
        data.withUnsafeBytes { raw in
          let src = raw.baseAddress! + dataStart + e.begin  // cannot fail: the data holds at least the 8-byte header length
          memcpy(p.baseAddress!, src, e.end - e.begin)  // cannot fail: a tensor's storage always has an address
        }
        for i in 0..<p.count { p[i] = Float(bitPattern: UInt32(littleEndian: p[i].bitPattern)) }
      }
      tensors.append((e.name, t))
    }
    return File(tensors: tensors, metadata: metadata)
  }

  private static func integers(_ values: [Any]) -> [Int]? {
    var out: [Int] = []
    for v in values {
      guard let n = v as? NSNumber, let i = Int(exactly: n.doubleValue), Double(i) == n.doubleValue else { return nil }
      out.append(i)
    }
    return out
  }
}

/// A malformed safetensors file, named with what is wrong.
public struct SafetensorsError: Error, CustomStringConvertible {
  public let message: String
  init(_ path: String, _ what: String) { message = "\(path): \(what)" }
  public var description: String { message }
}
