namespace Changxing.Web.Tests.Infrastructure;

/// <summary>
/// Files a browser can really display: a PNG and a WebM video made by Chromium itself (a screenshot, and a canvas
/// recorded with MediaRecorder), on a blank page of their own. The other tests' uploads only start like an image or a
/// video, which is all the upload checks look at, but no browser can show them.
/// </summary>
public static class RealMedia
{
    public static async Task<FilePayload> PngAsync(IPage blank, string name, string colour)
    {
        await blank.SetContentAsync($"<body style=\"margin:0;background:{colour}\"><h1 style=\"color:#fff;font:32px sans-serif;padding:20px\">居民身份证 {name}</h1></body>");
        var png = await blank.ScreenshotAsync(new() { Clip = new() { X = 0, Y = 0, Width = 320, Height = 200 } });
        return new FilePayload { Name = name + ".png", MimeType = "image/png", Buffer = png };
    }

    /// <summary>About a second of changing colour, 320x240; well over the development face check's 1 KiB.</summary>
    public static async Task<FilePayload> WebmAsync(IPage blank)
    {
        await blank.SetContentAsync("<body></body>");
        var base64 = await blank.EvaluateAsync<string>(
            """
            async () => {
              const canvas = document.createElement('canvas');
              canvas.width = 320; canvas.height = 240;
              document.body.appendChild(canvas);
              const g = canvas.getContext('2d');
              const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: 'video/webm' });
              const chunks = [];
              recorder.ondataavailable = e => chunks.push(e.data);
              const stopped = new Promise(resolve => recorder.onstop = resolve);
              recorder.start();
              for (let frame = 0; frame < 15; frame++) {
                for (let i = 0; i < 40; i++) {
                  g.fillStyle = `hsl(${(frame * 24 + i * 9) % 360}, 80%, 50%)`;
                  g.fillRect(Math.random() * 300, Math.random() * 220, 20, 20);
                }
                await new Promise(resolve => setTimeout(resolve, 70));
              }
              recorder.stop();
              await stopped;
              const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
              let text = '';
              for (const b of bytes) text += String.fromCharCode(b);
              return btoa(text);
            }
            """);
        return new FilePayload { Name = "face.webm", MimeType = "video/webm", Buffer = Convert.FromBase64String(base64) };
    }
}
