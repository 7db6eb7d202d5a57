import Tensors

/// Token lists of different lengths as one `[n, maxlen]` tensor, as Keras's `pad_sequences`:
/// shorter lists are filled with `value`, longer ones cut, each at the end `padding` /
/// `truncating` names (Keras's defaults: both "pre"); `maxlen` defaults to the longest list.
public enum SequencePadding {
  public enum Side: String, Sendable, CaseIterable { case pre, post }

  public static func pad(_ lists: [[Float]], maxlen: Int? = nil, padding: Side = .pre, truncating: Side = .pre,
                         value: Float = 0) throws -> Tensor {
    let length = maxlen ?? lists.map(\.count).max() ?? 0
    guard let count = Tensor.elementCount([lists.count, length]) else {
      throw DataError("pad_sequences: \(lists.count) lists of \(length) would be too large (at most \(Tensor.maxElements) values)")
    }
    var out = [Float](repeating: value, count: count)
    for (i, list) in lists.enumerated() {
      let kept = list.count <= length ? list[...] : (truncating == .pre ? list.suffix(length) : list.prefix(length))
      let start = i * length + (padding == .pre ? length - kept.count : 0)
      for (k, v) in kept.enumerated() { out[start + k] = v }
    }
    return Tensor(shape: [lists.count, length], scalars: out)
  }
}
