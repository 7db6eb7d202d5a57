import Catalog
import Tensors

extension TensorLibrary {
  static func reduction(_ r: Reduction, _ summary: String) -> Entry {
    let isIndex = r == .argmax || r == .argmin
    return entry(
      r.rawValue, summary,
      returns: [Returned(.either(.number, .tensor), isIndex ? "indices counted from 1: a number when reducing everything, else a tensor" : "a number when reducing everything (a one-element tensor when it carries gradients; both answer :item()), else a tensor")],
      method: true
    ) { d in
      let t = this(d)
      let axisArg = d.optionalParameter("axis", Int.self, "dimension to reduce, counted from 1 (1: down the rows, giving one value per column); all elements when absent", as: .positiveInteger)
      let keepdims = d.option("keepdims", Bool.self, "keep the reduced dimension with size 1", default: false)
      return { args in
        let axis = try args[axisArg].map { $0 - 1 }, keep = try args[keepdims]
        var out = try args[t].reduced(r, axis: axis, keepDims: keep)
        if isIndex { out = out.applying(.add, 1) }
        if axis == nil, !keep, !out.requiresGrad, let v = out.scalar {
          return isIndex ? [.integer(Int(v))] : [.number(Double(v))]
        }
        return [.tensor(out)]
      }
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
