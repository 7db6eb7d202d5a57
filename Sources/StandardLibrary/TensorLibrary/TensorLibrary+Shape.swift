import Catalog
import Tensors

extension TensorLibrary {
  static var shaping: [Entry] {
    [
      method("shape", "The size of each dimension, as separate values: `local n, d = x:shape()`.",
             returns: [Returned(.integer, "one value per dimension")]) { t in t.shape.map { .integer($0) } },
      entryOne("size", "The size of one dimension (counted from 1), or the element count without one.",
               returns: [Returned(.integer, "a size")], method: true) { d in
        let t = this(d), dim = d.optionalParameter("dim", Int.self, "dimension", as: .positiveInteger)
        return { args in
          let x = try args[t]
          guard let k = try args[dim] else { return .integer(x.count) }
          guard k <= x.rank else { throw TensorError("dimension \(k) is out of range for shape \(describeShape(x.shape))") }
          return .integer(x.shape[k - 1])
        }
      },
      methodOne("rank", "The number of dimensions.", returns: [Returned(.integer, "0 for a scalar")]) { t in .integer(t.rank) },
      methodOne("numel", "The number of elements.", returns: [Returned(.integer, "a count")]) { t in .integer(t.count) },
      methodOne("item", "The value of a one-element tensor (a number answers :item() too, giving itself).",
                returns: [Returned(.number, "the value")]) { t in
        guard let v = t.scalar else { throw TensorError("item needs a one-element tensor, got shape \(describeShape(t.shape))") }
        return .number(Double(v))
      },
      entry("get", "One element by position, counted from 1: `t:get(2, 3)`.",
            returns: [Returned(.number, "the value")], method: true) { d in
        let t = this(d), indexArg = d.variadic("index", Int.self, "one position per dimension", as: .positiveInteger)
        return { args in
          let x = try args[t], index = try args[indexArg]
          guard index.count == x.rank else {
            throw TensorError("expected \(x.rank) indices for shape \(describeShape(x.shape)), got \(index.count)")
          }
          for (k, (i, n)) in zip(index, x.shape).enumerated() where i > n {
            throw TensorError("index \(i) in dimension \(k + 1) is out of range 1..\(n)")
          }
          return [.number(Double(x.element(at: index.map { $0 - 1 })))]
        }
      },
      entry("row", "Row i (counted from 1), with the first dimension dropped.", returns: returnsTensor, method: true) { d in
        let t = this(d), i = d.parameter("i", Int.self, "position, counted from 1", as: .positiveInteger)
        return { args in [.tensor(try args[t].row(args[i] - 1))] }
      },
      entry("rows", "Rows first..last (counted from 1, inclusive).", returns: returnsTensor, method: true) { d in
        let t = this(d), firstArg = d.parameter("first", Int.self, "first row", as: .positiveInteger)
        let lastArg = d.optionalParameter("last", Int.self, "last row (defaults to the last)", as: .nonNegativeInteger)
        return { args in
          let x = try args[t], first = try args[firstArg], last = try args[lastArg] ?? x.rows
          guard last >= first - 1 else { throw TensorError("last row \(last) is before first row \(first)") }
          return [.tensor(try x.rows((first - 1)..<last))]
        }
      },
      entry("columns", "Columns first..last of a matrix (counted from 1, inclusive).", returns: returnsTensor, method: true) { d in
        let t = this(d), firstArg = d.parameter("first", Int.self, "first column", as: .positiveInteger)
        let lastArg = d.optionalParameter("last", Int.self, "last column (defaults to the last)", as: .nonNegativeInteger)
        return { args in
          let x = try args[t]
          guard x.rank == 2 else { throw TensorError("columns need a matrix, got shape \(describeShape(x.shape))") }
          let first = try args[firstArg], last = try args[lastArg] ?? x.shape[1]
          guard last >= first - 1 else { throw TensorError("last column \(last) is before first column \(first)") }
          return [.tensor(try x.columns((first - 1)..<last))]
        }
      },
      entry("index_select", "Rows picked by position (counted from 1), in the order given.", returns: returnsTensor, method: true) { d in
        let t = this(d), indices = d.parameter("indices", [Int].self, "row positions", as: .list(.positiveInteger))
        return { args in [.tensor(try args[t].gatherRows(args[indices].map { $0 - 1 }))] }
      },
      method("transpose", "The transpose of a matrix (a vector becomes a column).") { t in [.tensor(try t.transposed())] },
      entry("reshape", "The same values under a new shape with the same element count.", returns: returnsTensor, method: true) { d in
        let t = this(d), dims = dims(d)
        return { args in [.tensor(try args[t].reshaped(args[dims]))] }
      },
      method("clone", "A copy that shares nothing with the original.") { t in
        [.tensor(Tensor(shape: t.shape, storage: TensorStorage(copying: t.storage)))]
      },
      method("to_table", "The values as a (nested) Lua table; a scalar as a number. For small tensors.",
             returns: [Returned(.any, "a table of numbers")]) { t in
        // Each number costs the host's table slot and its converted value on the way.
        try MemoryBudget.reserve(shapes: [[t.count, 16]], for: "to_table of a \(describeShape(t.shape)) tensor")
        return [TensorLiteral.value(of: t)]
      },
      method("tostring", "A readable summary: shape, then values (large tensors elided).",
             returns: [Returned(.string, "text")], metamethod: "__tostring") { t in [.string(t.description)] },
    ]
  }
}
