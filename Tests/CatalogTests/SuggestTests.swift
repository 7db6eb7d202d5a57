import Testing
@testable import Catalog

/// "Did you mean" suggestions.
@Suite struct SuggestTests {
  @Test func caseAndTyposFindTheName() {
    #expect(Suggest.closest(to: "adam", among: ["SGD", "Adam", "AdamW"]) == "Adam")
    #expect(Suggest.closest(to: "BinaryCrossEntropy", among: ["BinaryCrossentropy", "SigmoidFocal"]) == "BinaryCrossentropy")
    #expect(Suggest.closest(to: "sed", among: ["seed", "mean", "std"]) == "seed")
    #expect(Suggest.closest(to: "zzzzzz", among: ["Dense", "Dropout"]) == nil)
  }

  @Test func aSharedWordFindsLongerNames() {
    #expect(Suggest.nearest(to: "accuracy", among: ["f1_micro", "subset_accuracy", "binary_accuracy"])
            == ["subset_accuracy", "binary_accuracy"])
    #expect(Suggest.hint(for: "accuracy", among: ["binary_accuracy", "subset_accuracy"])
            == " (did you mean 'binary_accuracy' or 'subset_accuracy'?)")
  }

  @Test func tiesAreAllNamedAndHintsCanBeShownQualified() {
    #expect(Suggest.nearest(to: "dens", among: ["Dense", "dense2", "Dropout"]) == ["Dense"])
    #expect(Suggest.hint(for: "adam", among: ["Adam", "AdamW"]) { "optim.\($0)" } == " (did you mean optim.Adam?)")
    #expect(Suggest.hint(for: "qqq", among: ["Adam"]) == "")
  }
}

/// Names other libraries use are suggested as Crescent's, whatever their edit distance.
@Suite struct SuggestAliasTests {
  @Test func aliasesWinOverTheNearestSpelling() {
    #expect(Suggest.closest(to: "acc", among: ["auc", "accuracy", "f1"]) == "accuracy")
    #expect(Suggest.closest(to: "Linear", among: ["Dense", "Dropout"]) == "Dense")
    #expect(Suggest.closest(to: "learning_rate", among: ["lr", "momentum"]) == "lr")
    #expect(Suggest.closest(to: "train_test_split", among: ["load", "kfold"]) == "Dataset:split")
    // An alias whose name the candidates lack and that lives in the same table is not offered.
    #expect(Suggest.closest(to: "learning_rate", among: ["seed", "epochs"]) == nil)
  }
}
