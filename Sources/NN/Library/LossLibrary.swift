import Catalog
import Tensors

/// The `losses` module: loss objects with options; compile also takes their names.
enum LossLibrary {
  static let fromLogits = Parameter("from_logits", .bool, "the model outputs logits (a sigmoid/softmax output layer is fused automatically)", default: .bool(false))

  /// The built-in losses; adding one is its file and one declaration here.
  static var declared: [LossDeclaration] { [
    LossDeclaration(BinaryCrossEntropy.self, entry: "BinaryCrossentropy", aliases: ["bce"],
                    "Binary cross-entropy per label, averaged over all cells: the multilabel loss.",
                    [fromLogits, Parameter("pos_weight", .list(.number), "weight of positives per label (PyTorch's pos_weight)", optional: true),
                     Parameter("label_smoothing", .numberIn(0, 1), "moves targets towards 0.5", default: .number(0))],
                    defaults: { BinaryCrossEntropy() }) { a in
      BinaryCrossEntropy(fromLogits: a.bool("from_logits"), posWeight: Convert.floats(a.value("pos_weight")),
                         labelSmoothing: a.float("label_smoothing"))
    },
    LossDeclaration(SigmoidFocal.self, entry: "SigmoidFocal", aliases: ["focal"],
                    "Sigmoid focal loss for imbalanced labels: BCE scaled by α_t·(1 − p_t)^γ.",
                    [Parameter("gamma", .number, "focusing exponent", default: .number(2)),
                     Parameter("alpha", .number, "weight of positives (negative: no weighting)", default: .number(0.25)), fromLogits],
                    defaults: { SigmoidFocal() }) { a in
      SigmoidFocal(gamma: a.double("gamma"), alpha: a.double("alpha"), fromLogits: a.bool("from_logits"))
    },
    LossDeclaration(CategoricalCrossEntropy.self, entry: "CategoricalCrossentropy",
                    "Cross-entropy for one class per sample (one-hot targets), averaged over samples.", [fromLogits],
                    defaults: { CategoricalCrossEntropy() }) { a in
      CategoricalCrossEntropy(fromLogits: a.bool("from_logits"))
    },
    LossDeclaration(MeanSquaredError.self, entry: "MeanSquaredError", aliases: ["mse"], "Mean squared error over all cells.", [],
                    defaults: { MeanSquaredError() }) { _ in MeanSquaredError() },
  ] }

  static var entries: [Entry] {
    declared.map { d in
      Entry(module: "losses", name: d.entry, summary: d.summary, options: d.options, returns: [Returned(.object("Loss"), "the loss")]) { a in
        [.object(LossObject(try d.build(a)))]
      }
    }
  }

  /// The entry that builds the loss a model file stores as `kind`, or nil.
  static func entryName(ofKind kind: String) -> String? { declared.first { $0.kind == kind }?.entry }

  /// Every built-in name compile accepts, kinds and aliases.
  static var builtinNames: [String] { declared.flatMap(\.names) }
  static func names(in catalog: Catalog) -> [String] { builtinNames + LossRegistry.names(in: catalog) }
  /// The built-in names as the documentation lists them: `binary_crossentropy (bce), ...`.
  static var documentedNames: String {
    declared.map { d in d.aliases.isEmpty ? d.kind : "\(d.kind) (\(d.aliases.joined(separator: ", ")))" }.joined(separator: ", ")
  }

  /// A loss by name with its defaults (`compile{loss = "binary_crossentropy"}`), built in or
  /// added to `catalog`.
  static func named(_ name: String, in catalog: Catalog) throws -> Loss {
    if let d = declared.first(where: { $0.names.contains(name) }) { return d.defaults() }
    if let extra = LossRegistry.make(name, in: catalog) { return extra }
    let names = names(in: catalog)
    let hint = Suggest.closest(to: name, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
    throw CatalogError("unknown loss \"\(name)\"\(hint); known: \(names.joined(separator: ", "))")
  }
}
