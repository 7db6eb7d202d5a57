import Catalog
import Tensors

extension TensorLibrary {
  static var autodiff: [Entry] {
    [
      entry("requires_grad", "The tensor as a leaf whose gradient backward computes: `local w = tensor.randn(3, 3):requires_grad()`.",
            parameters: [selfParameter, Parameter("flag", .bool, "false gives a detached copy instead", default: .bool(true))],
            returns: returnsTensor, method: true) { args in
        let t = args.tensor("t")
        return [.tensor(args.bool("flag") ? t.requiringGradient() : t.detached())]
      },
      entry("detach", "The same values, cut off from the gradient tape.",
            parameters: [selfParameter], returns: returnsTensor, method: true) { args in [.tensor(args.tensor("t").detached())] },
      entry("backward", "Computes gradients of this result with respect to every leaf it was computed from (`loss:backward()`); a non-scalar result needs the seed gradient.",
            parameters: [selfParameter, Parameter("seed", .tensorLike, "gradient of a final value with respect to this tensor", optional: true)],
            method: true) { args in
        try args.tensor("t").backward(args.has("seed") ? args.tensor("seed") : nil)
        return []
      },
      entry("grad", "The gradient a leaf has accumulated (nil before backward).",
            parameters: [selfParameter], returns: [Returned(.either(.tensor, .any), "the gradient, or nil")], method: true) { args in
        [args.tensor("t").grad.map { .tensor($0) } ?? .none]
      },
      entry("zero_grad", "Forgets a leaf's accumulated gradient.",
            parameters: [selfParameter], method: true) { args in
        args.tensor("t").autograd?.grad = nil
        return []
      },
      entry("requires_gradient", "Whether operations on this tensor are recorded for backward.",
            parameters: [selfParameter], returns: [Returned(.bool, "true or false")], method: true) { args in
        [.bool(args.tensor("t").requiresGrad)]
      },
    ]
  }
}
