// The content spec's key tables. Ranges cite where they come from: PRODUCT.md "Limits"
// (180 s of video), "Video" (music_volume 0 to 1), DESIGN.md "Motion" (transitions 300-500 ms).
#include "spec/spec_keys.hpp"

namespace rupa {

const KeyTable& spec_keys() {
    static const KeyTable keys = {
        {"template", "name", "Template yang dipakai: id dari `rupa templates`, atau path ke folder template.",
         "The template to use: an id from `rupa templates`, or a path to a template folder."},
        {"brand", "name", "Brand kit kantor: id di templates/brands/, atau path; bawaan: brand bawaan template.",
         "The office's brand kit: an id under templates/brands/, or a path; default: the template's own."},
        {"locale", "locale", "Bahasa tanggal, angka dan kata tetap: id (bawaan) atau en.",
         "Language of dates, numbers and fixed words: id (default) or en."},
        {"formats", "formats", "Format atau platform yang dibuat, mis. [instagram, reel]; bawaan: daftar template.",
         "Formats or platforms to render, e.g. [instagram, reel]; default: the template's own list."},
        {"content", "content", "Isi unggahan: judul, teks, foto, angka, dan lainnya.",
         "The post's content: title, text, photos, numbers and more."},
        {"video", "video", "Opsional: cara format video diputar (durasi, musik, takarir, adegan).",
         "Optional: how the video formats play (duration, music, captions, scenes)."},
    };
    return keys;
}

const KeyTable& video_keys() {
    static const KeyTable keys = {
        {"duration", "seconds", "Lama video dalam detik (0,1 sampai 180); bawaan dari template.",
         "The video's length in seconds (0.1 to 180); default from the template.", {0.1, 180}},
        {"music", "path", "Musik latar (mp3, m4a, wav, ogg, flac), relatif ke folder spec; dipotong atau diulang.",
         "Background music (mp3, m4a, wav, ogg, flac), relative to the spec's folder; trimmed or looped."},
        {"music_volume", "number", "Keras musik: 0 senyap, 1 sekeras berkasnya.",
         "Music level: 0 silent, 1 as loud as the file.", {0, 1}},
        {"voiceover", "path", "Narasi (relatif ke folder spec); musik dikecilkan di bawahnya.",
         "A voice-over (relative to the spec's folder); the music is ducked under it."},
        {"captions", "captions", "Takarir: berkas .srt, atau daftar {text, from, to}; dibakar ke video dan ditulis sebagai .srt.",
         "Captions: an .srt file, or a list of {text, from, to}; burned in and written as .srt."},
        {"scenes", "scenes", "Opsional: urutan adegan sendiri, bukan urutan bawaan template.",
         "Optional: a sequence of scenes of your own instead of the template's."},
    };
    return keys;
}

const KeyTable& scene_keys() {
    static const KeyTable keys = {
        {"template", "name", "Adegan dari template ini (id atau path).", "A scene drawn by this template (id or path)."},
        {"photos", "photos", "Adegan tayangan foto dengan efek Ken Burns.", "A slideshow scene of these photos, with Ken Burns."},
        {"clip", "photo", "Klip video ponsel (relatif ke folder spec), atau {src, focus}.",
         "A phone clip (relative to the spec's folder), or {src, focus}."},
        {"trim", "trim", "Bagian klip yang dipakai: [dari, sampai] dalam detik.",
         "The part of the clip to use: [from, to] in seconds."},
        {"duration", "seconds", "Lama adegan dalam detik (0,1 sampai 180).", "The scene's length in seconds (0.1 to 180).",
         {0.1, 180}},
        {"transition", "transition", "Cara adegan masuk dari adegan sebelumnya: cut, crossfade, wipe atau slide.",
         "How the scene enters over the one before: cut, crossfade, wipe or slide."},
        {"volume", "number", "Suara klip: 0 senyap, 1 sekeras narasi.", "The clip's sound: 0 mutes it, 1 as loud as a voice-over.",
         {0, 1}},
        {"content", "content", "Isi khusus adegan ini; field lain diambil dari 'content' spec.",
         "This scene's own content; other fields come from the spec's 'content'."},
    };
    return keys;
}

const KeyTable& stat_keys() {
    static const KeyTable keys = {
        {"value", "stat-value", "Angka (diformat sesuai bahasa, mis. 167 juta) atau teks yang ditampilkan apa adanya.",
         "A number (formatted per locale, e.g. 167 juta) or text shown as written."},
        {"unit", "text", "Satuan di samping angka, mis. \"%\".", "The unit beside the number, e.g. \"%\"."},
        {"label", "text", "Keterangan di bawah angka.", "The label under the number."},
    };
    return keys;
}

const KeyTable& quote_keys() {
    static const KeyTable keys = {
        {"text", "text", "Isi kutipan.", "The words quoted."},
        {"by", "text", "Siapa yang mengatakan.", "Who said it."},
        {"role", "text", "Jabatan orang itu.", "That person's role."},
    };
    return keys;
}

const KeyTable& item_keys() {
    static const KeyTable keys = {
        {"date", "date", "Tanggal agenda, YYYY-MM-DD.", "The entry's date, YYYY-MM-DD."},
        {"time", "time", "Jam mulai, \"13:30\" atau \"13.30\".", "Start time, \"13:30\" or \"13.30\"."},
        {"title", "text", "Nama kegiatan (wajib).", "What takes place (required)."},
        {"place", "text", "Tempat kegiatan.", "Where it takes place."},
    };
    return keys;
}

const KeyTable& photo_keys() {
    static const KeyTable keys = {
        {"src", "path", "Berkas foto atau klip, relatif ke folder spec.", "The photo or clip file, relative to the spec's folder."},
        {"focus", "focus", "Titik yang tetap terlihat saat dipotong: [x, y], 0 kiri/atas sampai 1 kanan/bawah.",
         "The point kept in view when cropped: [x, y], 0 left/top to 1 right/bottom."},
    };
    return keys;
}

const KeyTable& caption_keys() {
    static const KeyTable keys = {
        {"text", "text", "Teks takarir (paling banyak 2 baris sekitar 32 karakter).",
         "The caption's text (at most 2 lines of about 32 characters)."},
        {"from", "caption-time", "Mulai tampil, detik (12.5) atau menit:detik (0:12.5).",
         "When it appears, seconds (12.5) or minutes:seconds (0:12.5)."},
        {"to", "caption-time", "Selesai tampil, detik atau menit:detik.", "When it goes, seconds or minutes:seconds."},
    };
    return keys;
}

const KeyTable& transition_keys() {
    static const KeyTable keys = {
        {"animation", "scene-transition", "Jenis peralihan: cut, crossfade, wipe atau slide.",
         "The kind of transition: cut, crossfade, wipe or slide."},
        {"duration", "seconds", "Lama peralihan, 0,3 sampai 0,5 detik.", "The transition's length, 0.3 to 0.5 seconds.",
         {0.3, 0.5}},
    };
    return keys;
}

const std::vector<std::string>& locale_names() {
    static const std::vector<std::string> names = {"id", "en"};
    return names;
}

const std::vector<std::string>& verdict_names() {
    static const std::vector<std::string> names = {"hoaks", "disinformasi", "misinformasi", "fakta"};
    return names;
}

const std::vector<std::string>& scene_transition_names() {
    static const std::vector<std::string> names = {"cut", "crossfade", "wipe", "slide"};
    return names;
}

const std::vector<std::string>& scene_kind_keys() {
    static const std::vector<std::string> names = {"template", "photos", "clip"};
    return names;
}

}  // namespace rupa
