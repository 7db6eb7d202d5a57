import Catalog
import Tensors

extension TensorLibrary {
  static func dims(_ d: Declarer) -> Arg<[Int]> {
    d.variadic("dims", Int.self, "the size of each dimension (or one table of sizes)", as: .positiveInteger)
  }
  static func seed(_ d: Declarer) -> Arg<Int?> {
    d.option("seed", Int.self, "seed of its own; without one the run's random streams are used", as: .nonNegativeInteger)
  }

  static func shape(_ args: Arguments, _ dims: Arg<[Int]>) throws -> [Int] {
    let shape = try args[dims]
    try Tensor.validateShape(shape)
    return shape
  }

  static func stream(_ args: Arguments, _ seed: Arg<Int?>, _ name: String) throws -> RandomStream {
    if let seed = try args[seed] { return RandomStream(seed: UInt64(seed)) }
    return args.session.random.nextStream("tensor.\(name)")
  }

  static var creation: [Entry] {
    [
      entry("zeros", "A tensor of zeros: `tensor.zeros(2, 3)` or `tensor.zeros({2, 3})`.", returns: returnsTensor) { d in
        let dims = dims(d)
        return { args in [.tensor(.zeros(try shape(args, dims)))] }
      },
      entry("ones", "A tensor of ones.", returns: returnsTensor) { d in
        let dims = dims(d)
        return { args in [.tensor(.ones(try shape(args, dims)))] }
      },
      entry("full", "A tensor filled with one value: `tensor.full({2, 3}, 0.5)`.", returns: returnsTensor) { d in
        let shapeArg = d.parameter("shape", [Int].self, "the size of each dimension", as: .list(.positiveInteger))
        let value = d.parameter("value", Float.self, "the fill value")
        return { args in
          let s = try args[shapeArg]
          try Tensor.validateShape(s)
          return [.tensor(.full(s, try args[value]))]
        }
      },
      entry("eye", "The n x n identity matrix.", returns: returnsTensor) { d in
        let n = d.parameter("n", Int.self, "rows and columns", as: .positiveInteger)
        return { args in [.tensor(try .eye(args[n]))] }
      },
      entry("arange", "Evenly spaced values in [start, stop): `tensor.arange(5)` is 0..4.", returns: returnsTensor) { d in
        let startArg = d.parameter("start", Float.self, "first value (or the stop, when it is the only argument)")
        let stopArg = d.optionalParameter("stop", Float.self, "end, excluded")
        let step = d.parameter("step", Float.self, "spacing", default: 1)
        return { args in
          let first = try args[startArg]
          let (start, stop) = try args[stopArg].map { (first, $0) } ?? (0, first)
          return [.tensor(try .arange(start, stop, step: args[step]))]
        }
      },
      entry("randn", "Normally distributed values: `tensor.randn(128, 768, {seed = 1})`.", returns: returnsTensor) { d in
        let dims = dims(d), seed = seed(d)
        let mean = d.option("mean", Float.self, "mean", default: 0), std = d.option("std", Float.self, "standard deviation", default: 1)
        return { args in
          var s = try stream(args, seed, "randn")
          let shape = try shape(args, dims), mean = try args[mean], std = try args[std]
          return [.tensor(.randomNormal(shape, mean: mean, std: std, stream: &s))]
        }
      },
      entry("rand", "Uniformly distributed values in [low, high).", returns: returnsTensor) { d in
        let dims = dims(d), seed = seed(d)
        let low = d.option("low", Float.self, "lower bound", default: 0), high = d.option("high", Float.self, "upper bound (excluded)", default: 1)
        return { args in
          var s = try stream(args, seed, "rand")
          let shape = try shape(args, dims), low = try args[low], high = try args[high]
          return [.tensor(.randomUniform(shape, low: low, high: high, stream: &s))]
        }
      },
      entry("from", "A tensor from a number or a (nested) table of numbers: `tensor.from{{1, 2}, {3, 4}}`.", returns: returnsTensor) { d in
        let values = d.parameter("values", Tensor.self, "a number, a list, or a list of equal-length lists", as: .tensorLike)
        return { args in [.tensor(try args[values])] }
      },
      entry("concat", "Tensors stacked along the first dimension.", returns: returnsTensor) { d in
        let parts = d.parameter("parts", [Tensor].self, "tensors whose other dimensions agree", as: .list(.tensor))
        return { args in [.tensor(try .concatenateRows(args[parts]))] }
      },
    ]
  }
}
