import Tensors

/// The mean or the maximum over the steps of a sequence (`[n, steps, ch] → [n, ch]`) or the
/// positions of an image (`[n, h, w, ch] → [n, ch]`), per channel, as Keras's global pooling
/// layers. With a mask over the steps (1-D only: an Embedding's `mask_zero`), masked steps are
/// left out of the mean and the maximum; a sample whose steps are all masked gives zeros.
/// The maximum's gradient goes to the first step that holds it.
public class GlobalPooling: Layer {
  public enum Reduction: Sendable { case average, maximum }

  public class var kind: String { "GlobalPooling" }
  public var name: String
  public let reduction: Reduction
  /// Axes pooled over: 1 (steps) or 2 (height, width).
  public let spatialRank: Int
  public var needsInputGradient = true
  public private(set) var outputShape: [Int] = []
  public private(set) var isBuilt = false
  /// The mask of the input's steps, set by the model before each forward (1-D layers only).
  public var inputMask: Tensor?

  private var inputShape: [Int] = []
  private var usedMask: Tensor?
  private var output = Tensor.zeros([0])
  private var gradInput = Tensor.zeros([0])
  /// Per sample and channel: the number of steps averaged, or the step holding the maximum (-1: none).
  private var counts: [Float] = []
  private var argmax: [Int32] = []
  private var batch = 0

  init(_ reduction: Reduction, spatialRank: Int, name: String) {
    self.reduction = reduction
    self.spatialRank = spatialRank
    self.name = name
  }

  public func build(inputShape: [Int], random: inout RandomStream) throws -> [Int] {
    guard inputShape.count == spatialRank + 1 else {
      let expected = spatialRank == 1 ? "[steps, channels]" : "[height, width, channels]"
      throw LayerError("\(name) expects inputs of shape \(expected) per sample, got \(describeShape(inputShape))")
    }
    self.inputShape = inputShape
    outputShape = [inputShape[spatialRank]]
    isBuilt = true
    return outputShape
  }

  public var parameters: [Weight] { [] }

  public func forward(_ x: Tensor, training: Bool) throws -> Tensor {
    guard isBuilt, x.rank == spatialRank + 2, Array(x.shape.dropFirst()) == inputShape else {
      throw LayerError("\(name) expects inputs of shape \(describeShape([-1] + inputShape)), got \(describeShape(x.shape))")
    }
    let n = x.shape[0], ch = inputShape[spatialRank], steps = inputShape.dropLast().reduce(1, *)
    var mask: UnsafeMutablePointer<Float>? = nil
    if spatialRank == 1, let m = inputMask {
      guard m.shape == [n, steps] else {
        throw LayerError("\(name): the mask has shape \(describeShape(m.shape)), expected \(describeShape([n, steps]))")
      }
      mask = m.storage.pointer
      usedMask = m
    } else {
      usedMask = nil
    }
    batch = n
    Tensor.prepare(&output, shape: [n, ch])
    let p = x.storage.pointer, o = output.storage.pointer
    switch reduction {
    case .average:
      if counts.count != n { counts = [Float](repeating: 0, count: n) }
      for s in 0..<n {
        let out = o + s * ch
        out.update(repeating: 0, count: ch)
        var used = 0
        for t in 0..<steps where mask.map({ $0[s * steps + t] != 0 }) ?? true {
          let row = p + (s * steps + t) * ch
          for c in 0..<ch { out[c] += row[c] }
          used += 1
        }
        counts[s] = Float(used)
        if used > 0 { let k = Float(used); for c in 0..<ch { out[c] /= k } }
      }
    case .maximum:
      if argmax.count != n * ch { argmax = [Int32](repeating: -1, count: n * ch) }
      argmax.withUnsafeMutableBufferPointer { arg in
        for s in 0..<n {
          let out = o + s * ch, best = arg.baseAddress! + s * ch  // cannot fail: the array has n·ch > 0 values
          best.update(repeating: -1, count: ch)
          out.update(repeating: 0, count: ch)
          for t in 0..<steps where mask.map({ $0[s * steps + t] != 0 }) ?? true {
            let row = p + (s * steps + t) * ch
            for c in 0..<ch where best[c] < 0 || row[c] > out[c] {
              out[c] = row[c]
              best[c] = Int32(t)
            }
          }
        }
      }
    }
    return output
  }

  public func backward(_ gradOutput: Tensor, accumulate: Bool) throws -> Tensor {
    let ch = inputShape.last ?? 0, steps = inputShape.dropLast().reduce(1, *), n = batch
    guard isBuilt, gradOutput.shape == [n, ch] else {
      throw LayerError("\(name): backward needs a forward pass first, and a gradient of shape \(describeShape([n, ch]))")
    }
    guard needsInputGradient else { return Tensor.released }
    Tensor.prepare(&gradInput, shape: [n] + inputShape)
    let g = gradInput.storage.pointer, d = gradOutput.storage.pointer
    let mask = usedMask.map { $0.storage.pointer }
    switch reduction {
    case .average:
      for s in 0..<n {
        let k = counts[s]
        for t in 0..<steps {
          let row = g + (s * steps + t) * ch, src = d + s * ch
          if k == 0 || (mask.map { $0[s * steps + t] == 0 } ?? false) {
            row.update(repeating: 0, count: ch)
          } else {
            for c in 0..<ch { row[c] = src[c] / k }
          }
        }
      }
    case .maximum:
      g.update(repeating: 0, count: n * steps * ch)
      for s in 0..<n {
        for c in 0..<ch {
          let t = Int(argmax[s * ch + c])
          if t >= 0 { g[(s * steps + t) * ch + c] = d[s * ch + c] }
        }
      }
    }
    return gradInput
  }

  public var config: [String: Any] { [:] }
}
