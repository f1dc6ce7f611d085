namespace SciaticaRelief.Web.Api;

/// <summary>
/// Marks an endpoint or a page that suggests care (recommendations, routines, charts of where to
/// press, the machine chooser). While the Person's triage standing pauses self-care (Emergency or
/// Urgent, PRODUCT.md), such endpoints answer with the advice to seek care only; a test finds every
/// endpoint with this marker in the app's endpoint list and checks that.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SuggestsCareAttribute : Attribute;
