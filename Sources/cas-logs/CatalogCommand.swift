import ArgumentParser
import LogParse

extension CasLogs {
  /// `cas-logs catalog`: the messages cas-logs understands.
  struct CatalogList: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "catalog", abstract: "List the Cluster Autoscaler messages cas-logs recognises.")

    func run() {
      var text = ""
      for entry in Catalog.entries {
        text += "\(entry.id)\tV(\(entry.verbosity))\t\(entry.versions)\n\t\(entry.example)\n"
      }
      Output.standard(text)
    }
  }
}
