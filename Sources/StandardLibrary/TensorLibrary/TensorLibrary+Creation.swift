import Catalog
import Tensors

extension TensorLibrary {
  static let dims = Parameter("dims", .positiveInteger, "the size of each dimension (or one table of sizes)", variadic: true)
  static let seedOption = Parameter("seed", .nonNegativeInteger, "seed of its own; without one the run's random streams are used", optional: true)

  static func shape(_ args: Arguments) throws -> [Int] {
    let shape = args.ints("dims")
    try Tensor.validateShape(shape)
    return shape
  }

  static func stream(_ args: Arguments, _ name: String) -> RandomStream {
    if let seed = args.optionalInt("seed") { return RandomStream(seed: UInt64(seed)) }
    return args.session.random.nextStream("tensor.\(name)")
  }

  static var creation: [Entry] {
    [
      entry("zeros", "A tensor of zeros: `tensor.zeros(2, 3)` or `tensor.zeros({2, 3})`.",
            parameters: [dims], returns: returnsTensor) { args in [.tensor(.zeros(try shape(args)))] },
      entry("ones", "A tensor of ones.", parameters: [dims], returns: returnsTensor) { args in
        [.tensor(.ones(try shape(args)))]
      },
      entry("full", "A tensor filled with one value: `tensor.full({2, 3}, 0.5)`.",
            parameters: [Parameter("shape", .list(.positiveInteger), "the size of each dimension"),
                         Parameter("value", .number, "the fill value")], returns: returnsTensor) { args in
        let s = args.ints("shape")
        try Tensor.validateShape(s)
        return [.tensor(.full(s, args.float("value")))]
      },
      entry("eye", "The n x n identity matrix.", parameters: [Parameter("n", .positiveInteger, "rows and columns")],
            returns: returnsTensor) { args in [.tensor(.eye(args.int("n")))] },
      entry("arange", "Evenly spaced values in [start, stop): `tensor.arange(5)` is 0..4.",
            parameters: [Parameter("start", .number, "first value (or the stop, when it is the only argument)"),
                         Parameter("stop", .number, "end, excluded", optional: true),
                         Parameter("step", .number, "spacing", default: .number(1))],
            returns: returnsTensor) { args in
        let (start, stop) = args.has("stop") ? (args.float("start"), args.float("stop")) : (0, args.float("start"))
        return [.tensor(try .arange(start, stop, step: args.float("step")))]
      },
      entry("randn", "Normally distributed values: `tensor.randn(128, 768, {seed = 1})`.",
            parameters: [dims],
            options: [seedOption, Parameter("mean", .number, "mean", default: .number(0)),
                      Parameter("std", .number, "standard deviation", default: .number(1))],
            returns: returnsTensor) { args in
        var s = stream(args, "randn")
        return [.tensor(.randomNormal(try shape(args), mean: args.float("mean"), std: args.float("std"), stream: &s))]
      },
      entry("rand", "Uniformly distributed values in [low, high).",
            parameters: [dims],
            options: [seedOption, Parameter("low", .number, "lower bound", default: .number(0)),
                      Parameter("high", .number, "upper bound (excluded)", default: .number(1))],
            returns: returnsTensor) { args in
        var s = stream(args, "rand")
        return [.tensor(.randomUniform(try shape(args), low: args.float("low"), high: args.float("high"), stream: &s))]
      },
      entry("from", "A tensor from a number or a (nested) table of numbers: `tensor.from{{1, 2}, {3, 4}}`.",
            parameters: [Parameter("values", .tensorLike, "a number, a list, or a list of equal-length lists")],
            returns: returnsTensor) { args in [.tensor(args.tensor("values"))] },
      entry("concat", "Tensors stacked along the first dimension.",
            parameters: [Parameter("parts", .list(.tensor), "tensors whose other dimensions agree")],
            returns: returnsTensor) { args in
        [.tensor(try .concatenateRows(args.list("parts").map { if case .tensor(let t) = $0 { return t }; fatalError() }))]
      },
    ]
  }
}
