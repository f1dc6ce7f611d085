namespace SciaticaRelief.Web;

/// <summary>
/// The resource type for the text people read. Keys are the English text itself, so English needs
/// no resource file; a second language adds Resources/SharedText.{culture}.resx and no code.
/// </summary>
public sealed class SharedText;
