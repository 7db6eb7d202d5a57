import ArgumentParser
import Catalog
import StandardLibrary
import Foundation
import LuaHost

struct DocCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doc",
    abstract: "Print the reference of a module, a function or a type.",
    discussion: "Examples: `crescent doc`, `crescent doc tensor`, `crescent doc tensor.randn`, `crescent doc Tensor`, `crescent doc --markdown > docs/REFERENCE.md`."
  )

  @Argument(help: "A module (tensor), an entry (tensor.randn) or a type (Tensor).") var topic: String?
  @Flag(help: "Print the whole reference as one Markdown document (docs/REFERENCE.md is this).") var markdown = false
  @OptionGroup var pluginOptions: PluginOptions

  func run() throws {
    let catalog = try pluginOptions.catalog(command: "doc")
    try PreludeLibrary.register(into: catalog)
    do {
      if markdown {
        if let topic { throw CatalogError("--markdown prints the whole reference: leave out '\(topic)'") }
        print(MarkdownRenderer(catalog: catalog).render(), terminator: "")
        return
      }
      print(try ReferenceRenderer(catalog: catalog).render(topic), terminator: "")
    } catch let e as CatalogError {
      FileHandle.standardError.write(Data("crescent doc: \(e.message)\n".utf8))
      throw ExitCode(1)
    }
  }
}

struct TypesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "types",
    abstract: "Write a lua-language-server definition file for editors: `crescent types > crescent.d.lua`."
  )

  @OptionGroup var pluginOptions: PluginOptions

  func run() throws {
    let catalog = try pluginOptions.catalog(command: "types")
    try PreludeLibrary.register(into: catalog)
    print(TypeFileRenderer(catalog: catalog).render(), terminator: "")
  }
}
