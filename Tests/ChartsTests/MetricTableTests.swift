import Testing
@testable import Charts

@Suite struct MetricTableTests {
  @Test func rowsCellsAndMarks() {
    let html = MetricTable(columns: ["label", "precision", "support"], rows: [
      .init(label: "a", cells: [.number(0.87349), .number(12)]),
      .init(label: "b", cells: [.number(.nan), .missing], marked: true),
    ]).html()
    #expect(html.contains("<thead><tr><th scope=\"col\">label</th><th scope=\"col\">precision</th><th scope=\"col\">support</th></tr></thead>"))
    #expect(html.contains("<tr><th scope=\"row\">a</th><td class=\"num\">0.873</td><td class=\"num\">12</td></tr>"))
    #expect(html.contains("<tr class=\"marked\"><th scope=\"row\">b</th><td class=\"num\">NaN</td><td class=\"missing\">—</td></tr>"))
  }
}
