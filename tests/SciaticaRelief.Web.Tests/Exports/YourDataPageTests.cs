using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Exports;

public sealed class YourDataPageTests
{
    [Fact]
    public async Task YourDataPage_LinksEveryWholeRecordAction_AndTheNavLinksIt()
    {
        await using var app = TestApp.Create();
        using var browser = await app.SignedInBrowserAsync(await app.CreatePersonAsync());

        var html = await browser.GetPageAsync("/data");

        foreach (var path in (string[])["/reports", "/sharing", "/settings/export", "/import", "/settings/delete-account"])
        {
            Assert.Contains($"href=\"{path}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("href=\"/data\"", await browser.GetPageAsync("/"), StringComparison.Ordinal);
    }
}
