using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Security;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Imports;

internal static class ImportTestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Imports", "Files", name);

    public static MultipartFormDataContent Upload(string file) => Upload(File.ReadAllBytes(PathOf(file)), file);

    public static MultipartFormDataContent Upload(byte[] bytes, string fileName)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        return content;
    }

    /// <summary>Runs work in a scope whose owner is the Person (as a request of theirs would be).</summary>
    public static Task<T> AsPersonAsync<T>(TestApp app, Guid personId, Func<IServiceProvider, Task<T>> work) => app.InScopeAsync(sp =>
    {
        sp.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, personId.ToString()),
                new Claim(ReliefClaims.Kind, nameof(AccountKind.Person)),
            ], "test")),
        };
        return work(sp);
    });

    /// <summary>Rows of the Person's health tables that imports fill, counted past the owner filter.</summary>
    public static Task<(int CheckIns, int Treatments, int Records, int Batches)> CountAsync(TestApp app, Guid personId) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ReliefDbContext>();
        return (await db.CheckIns.IgnoreQueryFilters().CountAsync(c => c.PersonId == personId),
            await db.Treatments.IgnoreQueryFilters().CountAsync(t => t.PersonId == personId),
            await db.ImportedRecords.IgnoreQueryFilters().CountAsync(r => r.PersonId == personId),
            await db.ImportBatches.IgnoreQueryFilters().CountAsync(b => b.PersonId == personId));
    });
}
