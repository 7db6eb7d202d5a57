/// The series colours: the Okabe–Ito palette, told apart with the common forms of colour
/// blindness, without its yellow (too pale on white) and black (the axes' colour). Index i
/// gets `colours[i % 6]`.
public enum Palette {
  public static let colours: [String] = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9"]

  public static func colour(_ index: Int) -> String {
    colours[((index % colours.count) + colours.count) % colours.count]
  }

  /// Axes, tick labels and text.
  public static let ink = "#333333"
  /// The plot area's background, set off from the page's white.
  public static let plotBackground = "#f4f5f7"
  public static let grid = "#dcdfe4"
  /// Reference lines such as the ROC diagonal.
  public static let reference = "#8a8f98"
  /// The one line or point that stands out (the best trial), Okabe–Ito's vermillion.
  public static let highlight = "#d55e00"
}
