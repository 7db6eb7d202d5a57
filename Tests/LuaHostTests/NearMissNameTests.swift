import Testing
@testable import LuaHost
import Catalog
import StandardLibrary

/// Tensors answer names they lack as other objects do, and names other libraries use lead to
/// Crescent's, through the one alias table.
@Suite(.serialized) struct NearMissNameTests {
  func messages(_ lines: [String]) -> [String] {
    let r = runScript(lines.map { "print(select(2, pcall(function() \($0) end)))" }.joined(separator: "\n"))
    #expect(r.error == nil, "\(r.error?.message ?? "")")
    return r.output.split(separator: "\n").map(String.init)
  }

  @Test func tensorsNameTheNearestFieldOrMethod() {
    let out = messages(["local t = tensor.zeros(4); return t.shap", "local t = tensor.zeros(4); return t:reshap(4)"])
    #expect(out == ["test.lua:1: Tensor has no field 'shap' (did you mean 'shape'?)",
                    "test.lua:2: Tensor has no field 'reshap' (did you mean 'reshape'?)"])
  }

  @Test func familiarNamesFromOtherLibrariesLeadToCrescentsNames() {
    let out = messages([
      "return nn.Linear(3)",
      "return metrics.roc_auc_score",
      "return metrics.f1_score",
      "return metrics.precision_score",
      "return metrics.recall_score",
      "return metrics.accuracy_score",
      "return callbacks.LearningRateScheduler",
      "return data.train_test_split",
      "return optim.SGD{learning_rate = 0.1}",
      "local m = nn.Sequential{input_dim = 2, nn.Dense(1)}; m:compile{loss = 'mse', metrics = {'acc'}}",
      "local m = nn.Sequential{input_dim = 2, nn.Dense(1)}; m:compile{loss = 'mse', metrics = {'categorical_accuracy'}}",
      "local m = nn.Sequential{input_dim = 2, nn.Dense(1)}; m:compile{loss = 'mse', metrics = {'top_k_categorical_accuracy'}}",
    ])
    let expected = ["nn.Dense", "metrics.roc_auc", "metrics.f1", "metrics.precision", "metrics.recall", "metrics.accuracy",
                    "optim.LambdaLR", "Dataset:split", "lr", "accuracy", "accuracy", "top_k_accuracy"]
    #expect(out.count == expected.count)
    for (line, name) in zip(out, expected) {
      #expect(["did you mean \(name)?", "did you mean '\(name)'", "did you mean \"\(name)\""].contains { line.contains($0) }, "\(line)")
    }
  }
}
