// The one translation unit that compiles Boost.Asio, Asio.SSL and Beast (separate compilation,
// see kep_asio_config): every other file that includes them only instantiates what it uses.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
