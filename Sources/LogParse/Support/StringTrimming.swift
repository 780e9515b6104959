extension String {
  /// The string without leading and trailing `character`s.
  func trimmingCharacters(_ character: Character) -> String {
    var text = Substring(self)
    while text.first == character { text = text.dropFirst() }
    while text.last == character { text = text.dropLast() }
    return String(text)
  }
}
