using System.Net.Http.Headers;
using Changxing.Membership.Activation;

namespace Changxing.Membership.Tests.Support;

/// <summary>Files with the right leading bytes for their declared type, and multipart bodies built from them.</summary>
public static class Samples
{
    public static byte[] Jpeg(int length = 2048, byte fill = 1) => Pad([0xFF, 0xD8, 0xFF, 0xE0], length, fill);

    /// <summary>An MP4 long enough for the development face verifier to "see a face".</summary>
    public static byte[] FaceVideo(int length = DevelopmentFaceVerifier.MinimumSampleBytes * 4, byte fill = 2) =>
        Pad([0x00, 0x00, 0x00, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'], length, fill);

    public static ByteArrayContent File(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    public static MultipartFormDataContent Beneficiary(string name, string idNumber, byte[]? front = null, byte[]? back = null, byte[]? video = null,
        string imageType = "image/jpeg", string videoType = "video/mp4", string? without = null)
    {
        var form = new MultipartFormDataContent();
        var parts = new (string Field, HttpContent Content, string? FileName)[]
        {
            ("name", new StringContent(name), null),
            ("idNumber", new StringContent(idNumber), null),
            ("idFront", File(front ?? Jpeg(fill: 3), imageType), "front.jpg"),
            ("idBack", File(back ?? Jpeg(fill: 4), imageType), "back.jpg"),
            ("faceVideo", File(video ?? FaceVideo(), videoType), "face.mp4"),
        };
        foreach (var (field, content, fileName) in parts.Where(p => p.Field != without))
        {
            if (fileName is null)
            {
                form.Add(content, field);
            }
            else
            {
                form.Add(content, field, fileName);
            }
        }

        return form;
    }

    public static MultipartFormDataContent Face(byte[]? video = null, string videoType = "video/mp4") =>
        new() { { File(video ?? FaceVideo(), videoType), "video", "face.mp4" } };

    private static byte[] Pad(byte[] head, int length, byte fill)
    {
        var bytes = new byte[Math.Max(length, head.Length)];
        Array.Fill(bytes, fill);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
