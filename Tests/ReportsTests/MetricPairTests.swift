import Testing
@testable import Reports

@Suite struct MetricPairTests {
  @Test func validationSeriesJoinTheirTrainingSeries() {
    let pairs = MetricPair.pairs(["loss", "f1_micro", "val_loss", "fit2/loss", "fit2/val_loss", "fold1/val_auc", "val_f1_micro", "val_"])
    #expect(pairs == [
      MetricPair(base: "loss", training: "loss", validation: "val_loss"),
      MetricPair(base: "f1_micro", training: "f1_micro", validation: "val_f1_micro"),
      MetricPair(base: "fit2/loss", training: "fit2/loss", validation: "fit2/val_loss"),
      MetricPair(base: "fold1/auc", training: nil, validation: "fold1/val_auc"),
      MetricPair(base: "val_", training: "val_", validation: nil),
    ])
  }
}
