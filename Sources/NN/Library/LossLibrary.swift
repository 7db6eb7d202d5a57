import Catalog
import Tensors

/// The `losses` module: loss objects with options; compile also takes their names.
enum LossLibrary {
  static func fromLogits(_ d: Declarer) -> Arg<Bool> {
    d.option("from_logits", Bool.self, "the model outputs logits (a sigmoid/softmax output layer is fused automatically)", default: false)
  }

  /// The built-in losses; adding one is its file and one declaration here.
  static var declared: [LossDeclaration] { [
    LossDeclaration(BinaryCrossEntropy.self, entry: "BinaryCrossentropy", aliases: ["bce"],
                    "Binary cross-entropy per label, averaged over all cells: the multilabel loss.") { d in
      let fromLogits = fromLogits(d)
      let posWeight = d.option("pos_weight", [Float].self, "weight of positives per label (PyTorch's pos_weight)")
      let labelSmoothing = d.option("label_smoothing", Float.self, "moves targets towards 0.5", as: .numberIn(0, 1), default: 0)
      return { a in try BinaryCrossEntropy(fromLogits: a[fromLogits], posWeight: a[posWeight], labelSmoothing: a[labelSmoothing]) }
    },
    LossDeclaration(SigmoidFocal.self, entry: "SigmoidFocal", aliases: ["focal"],
                    "Sigmoid focal loss for imbalanced labels: BCE scaled by α_t·(1 − p_t)^γ.") { d in
      let gamma = d.option("gamma", Double.self, "focusing exponent", default: 2)
      let alpha = d.option("alpha", Double.self, "weight of positives (negative: no weighting)", default: 0.25)
      let fromLogits = fromLogits(d)
      return { a in try SigmoidFocal(gamma: a[gamma], alpha: a[alpha], fromLogits: a[fromLogits]) }
    },
    LossDeclaration(CategoricalCrossEntropy.self, entry: "CategoricalCrossentropy",
                    "Cross-entropy for one class per sample (one-hot targets), averaged over samples.") { d in
      let fromLogits = fromLogits(d)
      return { a in try CategoricalCrossEntropy(fromLogits: a[fromLogits]) }
    },
    Hinge.declaration,
    LossDeclaration(MeanSquaredError.self, entry: "MeanSquaredError", aliases: ["mse"], "Mean squared error over all cells.") { _ in { _ in MeanSquaredError() } },
  ] }

  static var entries: [Entry] { declared.map(\.catalogEntry) }

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
    if let d = declared.first(where: { $0.names.contains(name) }) { return try d.withDefaults(in: catalog) }
    if let extra = LossRegistry.make(name, in: catalog) { return extra }
    let names = names(in: catalog)
    let hint = Suggest.closest(to: name, among: names).map { " (did you mean \"\($0)\"?)" } ?? ""
    throw CatalogError("unknown loss \"\(name)\"\(hint); known: \(names.joined(separator: ", "))")
  }
}
