using Microsoft.Extensions.Options;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Web.Startup;

namespace SciaticaRelief.Web.PointCharts;

/// <summary>
/// The point charts' services: the <see cref="PointCatalog"/> read once from content/points/*.yaml
/// into a singleton, loaded while the host starts (<see cref="PointContentCheck"/>) so a bad file
/// stops the start with a message naming the file and line.
/// </summary>
public static class PointRegistration
{
    public const string PointsFolder = "points";

    public static IServiceCollection AddPointCharts(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadPoints(sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.AddHostedService<PointContentCheck>();
        services.AddScoped<RoutineService>();
        return services;
    }

    public static PointCatalog LoadPoints(ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.PathOf(PointsFolder);
        if (!Directory.Exists(folder))
        {
            throw new ContentException($"The point charts folder {folder} does not exist (Content:Folder).");
        }
        var files = Directory.GetFiles(folder, "*.yaml", SearchOption.TopDirectoryOnly)
            .Select(f => new ContentFile(Path.Combine(PointsFolder, Path.GetFileName(f)), File.ReadAllText(f)))
            .ToList();
        return PointCatalog.Load(files);
    }
}

/// <summary>Loads the point charts at start: an exception here stops the host, naming the bad file.</summary>
public sealed class PointContentCheck(IServiceProvider services, ILogger<PointContentCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<PointCatalog>();
        logger.LogInformation("Loaded {Points} points and {Dermatomes} dermatome areas.", catalog.All.Count, catalog.Dermatomes.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
