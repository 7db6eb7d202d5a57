import ArgumentParser
import Catalog
import StandardLibrary
import Foundation
import LuaHost

struct DocCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doc",
    abstract: "Print the reference of a module, a function or a type.",
    discussion: "Examples: `crescent doc`, `crescent doc tensor`, `crescent doc tensor.randn`, `crescent doc Tensor`."
  )

  @Argument(help: "A module (tensor), an entry (tensor.randn) or a type (Tensor).") var topic: String?
  @OptionGroup var pluginOptions: PluginOptions

  func run() throws {
    let catalog = try pluginOptions.catalog(command: "doc")
    do {
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
    print(TypeFileRenderer(catalog: try pluginOptions.catalog(command: "types")).render(), terminator: "")
  }
}
