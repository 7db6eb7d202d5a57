extension LearningRateSchedule {
  /// Every epoch's logs get the rate it ended with.
  public var addedLogKeys: [String] { ["lr"] }
}
