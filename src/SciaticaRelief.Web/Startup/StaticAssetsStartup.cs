namespace SciaticaRelief.Web.Startup;

/// <summary>
/// Makes <c>MapStaticAssets</c> serve whole files however the app is started. Run from build output
/// (<c>dotnet run</c>, the test host), the precompressed copies live in <c>obj/</c> and are found only
/// through the static web assets manifest, which ASP.NET Core reads by itself in Development alone:
/// in any other environment a browser asking for gzip got a 200 with an empty body. A published app
/// has no such manifest, so the call changes nothing there.
/// </summary>
public static class StaticAssetsStartup
{
    /// <summary>Set to true to re-read wwwroot on every request, as Development does (edit and reload).</summary>
    public const string ReloadAtRuntimeKey = "ReloadStaticAssetsAtRuntime";

    public static WebApplicationBuilder ServeStaticAssetsFromBuildOutput(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseStaticWebAssets();
        // From build output MapStaticAssets would also watch wwwroot for edits and send every asset
        // with no-cache. Outside Development keep the published behaviour: fingerprinted names cached
        // for a year (immutable), the rest revalidated by ETag.
        if (!builder.Environment.IsDevelopment() && builder.Configuration[ReloadAtRuntimeKey] is null)
        {
            builder.Configuration[ReloadAtRuntimeKey] = "false";
        }
        return builder;
    }
}
