import Catalog
import Tensors

extension SequencePadding.Side: ScriptEnum {}

extension DataLibrary {
  static var sequences: [Entry] {
    [
      entry("pad_sequences", "Token lists of different lengths as one n x maxlen tensor (Keras's pad_sequences): `data.pad_sequences({{3, 1}, {4, 1, 5, 9}}, {maxlen = 3, padding = \"post\"})`.",
            returns: [Returned(.tensor, "an n x maxlen tensor of the tokens")],
            details: "Shorter lists are filled with value at the end padding names, longer ones cut at the end truncating names; maxlen defaults to the longest list. Tokens must be integers.") { d in
        let lists = d.parameter("sequences", Value.self, "a list of lists of integer tokens", as: .list(.list(.integer)))
        let maxlen = d.option("maxlen", Int.self, "length of every row (default: the longest list)", as: .nonNegativeInteger)
        let padding = d.option("padding", SequencePadding.Side.self, "where short lists are filled: pre (before) or post (after)", default: .pre)
        let truncating = d.option("truncating", SequencePadding.Side.self, "where long lists are cut: pre (their start) or post (their end)", default: .pre)
        let value = d.option("value", Int.self, "the padding token", default: 0)
        return { args in
          let rows = try tokenLists(try args[lists])
          return [.tensor(try SequencePadding.pad(rows, maxlen: try args[maxlen], padding: try args[padding],
                                                  truncating: try args[truncating], value: Float(try args[value])))]
        }
      },
    ]
  }

  /// The lists as floats, each token an integer a float32 holds exactly.
  static func tokenLists(_ v: Value) throws -> [[Float]] {
    func items(_ v: Value) -> [Value]? {
      switch v {
      case .list(let xs): return xs
      case .table(let fields) where fields.isEmpty: return []
      default: return nil
      }
    }
    guard let lists = items(v) else { throw DataError("pad_sequences: 'sequences' expects a list of lists of integer tokens, got \(v.summary)") }
    return try lists.enumerated().map { i, list in
      guard let tokens = items(list) else { throw DataError("pad_sequences: sequence \(i + 1) is \(list.summary), not a list of integer tokens") }
      return try tokens.enumerated().map { k, t in
        let n: Double
        switch t {
        case .integer(let x): n = Double(x)
        case .number(let x): n = x
        default: throw DataError("pad_sequences: sequence \(i + 1) item \(k + 1) is \(t.summary), not an integer token")
        }
        guard n.rounded() == n, abs(n) <= 16_777_216 else {
          throw DataError("pad_sequences: sequence \(i + 1) item \(k + 1) is \(n), not an integer token (at most 16777216 in magnitude)")
        }
        return Float(n)
      }
    }
  }
}
