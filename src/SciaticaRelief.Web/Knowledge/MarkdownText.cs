using Markdig;
using Microsoft.AspNetCore.Components;

namespace SciaticaRelief.Web.Knowledge;

/// <summary>
/// Content Markdown as HTML. Raw HTML in a file is shown as text, never as markup, so a content
/// file (which a clinic may replace with its own) cannot inject script or forms into a page.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static MarkupString ToHtml(string markdown) => new(Markdown.ToHtml(markdown ?? "", Pipeline));
}
