import Catalog
import Tensors

extension TensorLibrary {
  static var autodiff: [Entry] {
    [
      entry("requires_grad", "The tensor as a leaf whose gradient backward computes: `local w = tensor.randn(3, 3):requires_grad()`.",
            returns: returnsTensor, method: true) { d in
        let t = this(d), flag = d.parameter("flag", Bool.self, "false gives a detached copy instead", default: true)
        return { args in
          let x = try args[t]
          return [.tensor(try args[flag] ? x.requiringGradient() : x.detached())]
        }
      },
      method("detach", "The same values, cut off from the gradient tape.") { t in [.tensor(t.detached())] },
      entry("backward", "Computes gradients of this result with respect to every leaf it was computed from (`loss:backward()`); a non-scalar result needs the seed gradient.",
            method: true) { d in
        let t = this(d)
        let seed = d.optionalParameter("seed", Tensor.self, "gradient of a final value with respect to this tensor", as: .tensorLike)
        return { args in
          try args[t].backward(args[seed])
          return []
        }
      },
      method("grad", "The gradient a leaf has accumulated (nil before backward).",
             returns: [Returned(.either(.tensor, .any), "the gradient, or nil")]) { t in [t.grad.map { .tensor($0) } ?? .none] },
      method("zero_grad", "Forgets a leaf's accumulated gradient.", returns: []) { t in
        t.autograd?.grad = nil
        return []
      },
      method("requires_gradient", "Whether operations on this tensor are recorded for backward.",
             returns: [Returned(.bool, "true or false")]) { t in [.bool(t.requiresGrad)] },
    ]
  }
}
