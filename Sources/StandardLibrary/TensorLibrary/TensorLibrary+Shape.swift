import Catalog
import Tensors

extension TensorLibrary {
  static let index = Parameter("i", .positiveInteger, "position, counted from 1")

  static var shaping: [Entry] {
    [
      entry("shape", "The size of each dimension, as separate values: `local n, d = x:shape()`.",
            parameters: [selfParameter], returns: [Returned(.integer, "one value per dimension")], method: true) { args in
        args.tensor("t").shape.map { .integer($0) }
      },
      entry("size", "The size of one dimension (counted from 1), or the element count without one.",
            parameters: [selfParameter, Parameter("dim", .positiveInteger, "dimension", optional: true)],
            returns: [Returned(.integer, "a size")], method: true) { args in
        let t = args.tensor("t")
        guard let d = args.optionalInt("dim") else { return [.integer(t.count)] }
        guard d <= t.rank else { throw TensorError("dimension \(d) is out of range for shape \(describeShape(t.shape))") }
        return [.integer(t.shape[d - 1])]
      },
      entry("rank", "The number of dimensions.", parameters: [selfParameter], returns: [Returned(.integer, "0 for a scalar")],
            method: true) { args in [.integer(args.tensor("t").rank)] },
      entry("numel", "The number of elements.", parameters: [selfParameter], returns: [Returned(.integer, "a count")],
            method: true, metamethod: nil) { args in [.integer(args.tensor("t").count)] },
      entry("item", "The value of a one-element tensor (a number answers :item() too, giving itself).", parameters: [selfParameter], returns: [Returned(.number, "the value")],
            method: true) { args in
        let t = args.tensor("t")
        guard let v = t.scalar else { throw TensorError("item needs a one-element tensor, got shape \(describeShape(t.shape))") }
        return [.number(Double(v))]
      },
      entry("get", "One element by position, counted from 1: `t:get(2, 3)`.",
            parameters: [selfParameter, Parameter("index", .positiveInteger, "one position per dimension", variadic: true)],
            returns: [Returned(.number, "the value")], method: true) { args in
        let t = args.tensor("t"), index = args.ints("index")
        guard index.count == t.rank else {
          throw TensorError("expected \(t.rank) indices for shape \(describeShape(t.shape)), got \(index.count)")
        }
        for (k, (i, d)) in zip(index, t.shape).enumerated() where i > d {
          throw TensorError("index \(i) in dimension \(k + 1) is out of range 1..\(d)")
        }
        return [.number(Double(t.element(at: index.map { $0 - 1 })))]
      },
      entry("row", "Row i (counted from 1), with the first dimension dropped.",
            parameters: [selfParameter, index], returns: returnsTensor, method: true) { args in
        [.tensor(try args.tensor("t").row(args.int("i") - 1))]
      },
      entry("rows", "Rows first..last (counted from 1, inclusive).",
            parameters: [selfParameter, Parameter("first", .positiveInteger, "first row"),
                         Parameter("last", .nonNegativeInteger, "last row (defaults to the last)", optional: true)],
            returns: returnsTensor, method: true) { args in
        let t = args.tensor("t")
        let first = args.int("first"), last = args.optionalInt("last") ?? t.rows
        guard last >= first - 1 else { throw TensorError("last row \(last) is before first row \(first)") }
        return [.tensor(try t.rows((first - 1)..<last))]
      },
      entry("columns", "Columns first..last of a matrix (counted from 1, inclusive).",
            parameters: [selfParameter, Parameter("first", .positiveInteger, "first column"),
                         Parameter("last", .nonNegativeInteger, "last column (defaults to the last)", optional: true)],
            returns: returnsTensor, method: true) { args in
        let t = args.tensor("t")
        guard t.rank == 2 else { throw TensorError("columns need a matrix, got shape \(describeShape(t.shape))") }
        let first = args.int("first"), last = args.optionalInt("last") ?? t.shape[1]
        guard last >= first - 1 else { throw TensorError("last column \(last) is before first column \(first)") }
        return [.tensor(try t.columns((first - 1)..<last))]
      },
      entry("index_select", "Rows picked by position (counted from 1), in the order given.",
            parameters: [selfParameter, Parameter("indices", .list(.positiveInteger), "row positions")],
            returns: returnsTensor, method: true) { args in
        [.tensor(try args.tensor("t").gatherRows(args.ints("indices").map { $0 - 1 }))]
      },
      entry("transpose", "The transpose of a matrix (a vector becomes a column).",
            parameters: [selfParameter], returns: returnsTensor, method: true) { args in
        [.tensor(try args.tensor("t").transposed())]
      },
      entry("reshape", "The same values under a new shape with the same element count.",
            parameters: [selfParameter, dims], returns: returnsTensor, method: true) { args in
        [.tensor(try args.tensor("t").reshaped(args.ints("dims")))]
      },
      entry("clone", "A copy that shares nothing with the original.",
            parameters: [selfParameter], returns: returnsTensor, method: true) { args in
        [.tensor(Tensor(shape: args.tensor("t").shape, storage: TensorStorage(copying: args.tensor("t").storage)))]
      },
      entry("to_table", "The values as a (nested) Lua table; a scalar as a number. For small tensors.",
            parameters: [selfParameter], returns: [Returned(.any, "a table of numbers")], method: true) { args in
        [TensorLiteral.value(of: args.tensor("t"))]
      },
      entry("tostring", "A readable summary: shape, then values (large tensors elided).",
            parameters: [selfParameter], returns: [Returned(.string, "text")], method: true, metamethod: "__tostring") { args in
        [.string(args.tensor("t").description)]
      },
    ]
  }
}
