import Catalog
import Tensors

extension TensorLibrary {
  static func reduction(_ r: Reduction, _ summary: String) -> Entry {
    let isIndex = r == .argmax || r == .argmin
    return entry(
      r.rawValue, summary,
      parameters: [selfParameter, Parameter("axis", .positiveInteger, "dimension to reduce, counted from 1 (1: down the rows, giving one value per column); all elements when absent", optional: true)],
      options: [Parameter("keepdims", .bool, "keep the reduced dimension with size 1", default: .bool(false))],
      returns: [Returned(.either(.number, .tensor), isIndex ? "indices counted from 1: a number when reducing everything, else a tensor" : "a number when reducing everything (a one-element tensor when it carries gradients; both answer :item()), else a tensor")],
      method: true
    ) { args in
      let t = args.tensor("t")
      let axis = args.optionalInt("axis").map { $0 - 1 }
      var out = try t.reduced(r, axis: axis, keepDims: args.bool("keepdims"))
      if isIndex { out = out.applying(.add, 1) }
      if axis == nil, !args.bool("keepdims"), !out.requiresGrad, let v = out.scalar {
        return isIndex ? [.integer(Int(v))] : [.number(Double(v))]
      }
      return [.tensor(out)]
    }
  }

  static var reductions: [Entry] {
    [
      reduction(.sum, "Sum of all elements, or along an axis (accumulated in double precision)."),
      reduction(.mean, "Mean of all elements, or along an axis."),
      reduction(.max, "Largest element, or along an axis."),
      reduction(.min, "Smallest element, or along an axis."),
      reduction(.argmax, "Position of the largest element along an axis, counted from 1."),
      reduction(.argmin, "Position of the smallest element along an axis, counted from 1."),
    ]
  }
}
