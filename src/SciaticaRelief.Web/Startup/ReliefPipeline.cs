using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Accounts;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Clinical;
using SciaticaRelief.Web.Components;
using SciaticaRelief.Web.Dashboard;
using SciaticaRelief.Web.Exports;
using SciaticaRelief.Web.Imports;
using SciaticaRelief.Web.Insights;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Knowledge;
using SciaticaRelief.Web.PointCharts;
using SciaticaRelief.Web.Plans;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Questionnaires;
using SciaticaRelief.Web.Recommendations;
using SciaticaRelief.Web.Reports;
using SciaticaRelief.Web.Security;
using SciaticaRelief.Web.Sharing;
using SciaticaRelief.Web.Treatments;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Startup;

/// <summary>The one-time setup secret of this process, for the banner (and for tests).</summary>
public sealed class SetupLink
{
    public string? Secret { get; set; }
}

public static class ReliefPipeline
{
    /// <summary>Migrates the database and, on an empty install, makes the one-time setup secret.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SciaticaRelief.Startup");
        await DatabaseStartup.MigrateAsync(app.Services, logger);
        await using var scope = app.Services.CreateAsyncScope();
        var secret = await scope.ServiceProvider.GetRequiredService<AccountService>().NewSetupSecretIfEmptyAsync();
        var link = app.Services.GetRequiredService<SetupLink>();
        link.Secret = secret;
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, secret));
    }

    public static WebApplication UseRelief(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

        // Top level, so re-execution goes through routing again. API errors are answered by
        // ApiExceptionHandler and by the API branch's status-code problems before these apply.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSecurityHeaders();
        app.UseRequestSizeLimit();
        app.UseWhen(IsApi, a => a.UseStatusCodePages());
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseSuggestsCareGate();

        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policies.Person)
            .RequireRateLimiting(ReliefServices.ApiLimit)
            .AddEndpointFilter<ApiAntiforgeryFilter>();
        api.MapMeApi();
        api.MapProfileApi();
        api.MapTriageApi();
        api.MapJournalApi();
        api.MapDashboardApi();
        api.MapInsightsApi();
        api.MapTreatmentApi();
        api.MapRoutineApi();
        api.MapQuestionnaireApi();
        api.MapKnowledgeApi();
        api.MapRecommendationApi();
        api.MapMachineChooserApi();
        api.MapSharingApi();
        api.MapIntakeApi();
        api.MapPlanApi();
        api.MapReportApi();
        api.MapExportApi();
        api.MapAccountDeletionApi();
        api.MapImportApi();

        // A Therapist's API: the same prefix, limits and antiforgery, but a Therapist account with a
        // second factor (a Person gets 403). Client endpoints open a client only through ClientAccess.
        var therapistApi = app.MapGroup("/api/v1")
            .RequireAuthorization(Policies.Therapist)
            .RequireRateLimiting(ReliefServices.ApiLimit)
            .AddEndpointFilter<ApiAntiforgeryFilter>();
        therapistApi.MapClientApi();
        therapistApi.MapClientPlanApi();
        therapistApi.MapClinicalTherapistApi();

        // Anonymous: the private calendar feed, whose token is the credential.
        app.MapPlanFeed();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }

    private static void PrintBanner(WebApplication app, string? secret)
    {
        var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var publicUrl = app.Services.GetRequiredService<IOptions<ReliefOptions>>().Value.PublicUrl;
        var baseUrl = (publicUrl ?? urls.FirstOrDefault() ?? "http://localhost:5000").TrimEnd('/')
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        var database = options.Provider switch
        {
            DatabaseProvider.Sqlite => "SQLite at " + (options.ConnectionString ?? options.ResolvedSqlitePath),
            DatabaseProvider.Postgres => "PostgreSQL",
        };
        // The console, not the log: the banner is for the person who started the app.
        Console.WriteLine();
        Console.WriteLine("  Sciatica Relief is running.");
        foreach (var url in urls)
        {
            Console.WriteLine($"  Open:      {url}");
        }
        Console.WriteLine($"  Database:  {database}");
        if (secret is not null)
        {
            Console.WriteLine();
            Console.WriteLine("  This install has no accounts yet. Open this one-time link to create the owner account:");
            Console.WriteLine($"  Setup:     {baseUrl}/setup/{secret}");
        }
        Console.WriteLine();
    }
}
