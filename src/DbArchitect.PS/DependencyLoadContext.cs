using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace DbArchitect.PS;

/// <summary>
/// The module's private load context. It loads any assembly found in its folder itself (Core, YamlDotNet, drivers)
/// and leaves everything else (the framework, System.Management.Automation) to the default context.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    public DependencyLoadContext(string folder)
        : base("DbArchitect.PS.Dependencies", isCollectible: false)
    {
        _folder = folder;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.IsNullOrEmpty(assemblyName.Name))
        {
            return null;
        }

        // A package with per-platform builds (Microsoft.Data.SqlClient) puts a stub that throws PlatformNotSupportedException
        // in lib/ and the real assembly under runtimes/<win|unix>/lib/; the stub is what lands beside Core, so the
        // platform's own build wins wherever there is one.
        var platform = Path.Combine(_folder, "runtimes", OperatingSystem.IsWindows() ? "win" : "unix", "lib", TargetFramework, assemblyName.Name + ".dll");
        if (File.Exists(platform))
        {
            return LoadFromAssemblyPath(platform);
        }

        var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }

    /// <summary>The framework Core is built for, which names the folder of per-platform builds (runtimes/unix/lib/net8.0).</summary>
    private const string TargetFramework = "net8.0";

    /// <summary>
    /// Native libraries of our dependencies (SQLite's e_sqlite3, SqlClient's SNI on Windows) live under runtimes/&lt;rid&gt;/native/ as NuGet lays
    /// them out; the default probing only knows the application's folder, so look there for the running platform.
    /// </summary>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var native = Path.Combine(_folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        foreach (var file in new[] { unmanagedDllName, $"lib{unmanagedDllName}.so", $"{unmanagedDllName}.so", $"lib{unmanagedDllName}.dylib", $"{unmanagedDllName}.dll" })
        {
            var candidate = Path.Combine(native, file);
            if (File.Exists(candidate))
            {
                return LoadUnmanagedDllFromPath(candidate);
            }
        }

        return IntPtr.Zero;
    }
}
