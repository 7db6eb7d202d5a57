/// A small HTML table: a header row, then one row per label (per-label metrics, a config
/// side by side). Numbers are right-aligned with three decimals; every text is escaped.
public struct MetricTable: Sendable, Equatable {
  public enum Cell: Sendable, Equatable {
    case number(Double)
    case text(String)
    case missing
  }

  public struct Row: Sendable, Equatable {
    public var label: String
    public var cells: [Cell]
    /// Shown highlighted (`class="marked"`), e.g. a config key whose value differs between runs.
    public var marked: Bool
    public init(label: String, cells: [Cell], marked: Bool = false) {
      self.label = label; self.cells = cells; self.marked = marked
    }
  }

  public var caption: String?
  /// The header of the label column, then one per cell column.
  public var columns: [String]
  public var rows: [Row]

  public init(caption: String? = nil, columns: [String], rows: [Row]) {
    self.caption = caption; self.columns = columns; self.rows = rows
  }

  public func html() -> String {
    var out = "<table class=\"metrics\">\n"
    if let caption { out += "<caption>\(Markup.escape(caption))</caption>\n" }
    out += "<thead><tr>" + columns.map { "<th scope=\"col\">\(Markup.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for row in rows {
      out += row.marked ? "<tr class=\"marked\">" : "<tr>"
      out += "<th scope=\"row\">\(Markup.escape(row.label))</th>"
      for cell in row.cells {
        switch cell {
        case .number(let v): out += "<td class=\"num\">\(NumberText.cell(v))</td>"
        case .text(let t): out += "<td>\(Markup.escape(t))</td>"
        case .missing: out += "<td class=\"missing\">—</td>"
        }
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n"
    return out
  }
}
